// A bearer token over plain HTTP is readable by anyone on the path. Loopback
// never leaves the machine, so a local hub needs no TLS; anywhere else a
// client refuses to send its token over http:// unless told to (--insecure),
// before any connection is made, so the refusal itself leaks nothing.
import { isIP } from 'node:net';
import { UsageError } from './errors.js';
import { redact } from './redact.js';

/** localhost, 127.0.0.0/8, ::1 (and ::ffff:127.x): addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host) || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(host);
  return false;
}

/** Throws when `token` would go over plain HTTP to a host off this machine; `insecure` allows it. */
export function refusePlainHttpToken(hubUrl: string, token: string | undefined, insecure: boolean): void {
  if (!token || insecure) return;
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return; // the connection reports a bad URL in its own words
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return;
  throw new UsageError(`refusing to send the API token over plain HTTP to ${redact(url.origin)}`, {
    hint: 'use the hub\'s https:// URL (with --ca FILE if its certificate is your own CA\'s), or --insecure if the network is yours alone',
  });
}
