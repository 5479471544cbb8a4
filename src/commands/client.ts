// The CoreClient the CLI uses: channel 'cli' (the watch UI's: 'tui'), the CA
// an https:// hub is trusted by, no token over plain HTTP off this machine
// unless --insecure (refused here, before any connection), and short limits
// when a person is waiting mid-keystroke (shell completion). Its JSON calls go
// through node:http, which Node ships compiled: a read command starts without
// loading undici (streams still use it, loaded when one opens).
import { readFileSync } from 'node:fs';
import { CoreClient } from '../core/client.js';
import { nodeHttpTransport } from '../core/client/node-http-transport.js';
import { UsageError } from '../core/errors.js';
import { refusePlainHttpToken } from '../core/plain-http-guard.js';
import type { Connection } from './deps.js';

function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read the CA file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: 'pass a PEM file of the CA that signed the hub\'s certificate with --ca FILE (or `watchfloor config set ca FILE`)',
      cause: e,
    });
  }
}

export function createCliClient({ hubUrl, token, ca, insecure, timeoutMs, onTokenExpiry, channel = 'cli' }: Connection): CoreClient {
  refusePlainHttpToken(hubUrl, token, insecure === true);
  return new CoreClient({
    hubUrl,
    token,
    channel,
    onTokenExpiry,
    transport: nodeHttpTransport,
    ...(ca ? { ca: readCa(ca) } : {}),
    ...(timeoutMs ? { connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, getRetries: 0 } : {}),
  });
}
