// The JSON-over-HTTP plumbing every client of ours shares — CoreClient (the
// hub), SimControlClient (the device emulator) and the hub's own device
// transport: where a service is, how to read an answer, and which failures
// mean "nothing answered". It loads no HTTP library (the keep-alive pool is
// service-link.ts's), so the CLI can check a hub URL without paying for one.
import { hasUserinfo, redact } from './redact.js';

/** Failures where the request never reached a live server: the service is unreachable. */
export const CONNECTION_FAILURES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** TLS failures: the hub's certificate is not one this client trusts, or it does not speak TLS. */
export const CERTIFICATE_FAILURES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Failures where a server took the request but did not answer in time. */
export const TIMEOUT_FAILURES: ReadonlySet<string> = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ABORT_ERR',
  'TimeoutError',
]);

/** The failure code of an error or of the first of its causes that has one (undici nests them). */
export function failureCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; current && depth < 4; depth++) {
    const { code, name } = current as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (name === 'TimeoutError') return name; // AbortSignal.timeout()
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface ServiceLocation {
  /** The URL to show (messages, error details): as given, without a trailing slash, any password in it masked. */
  url: string;
  origin: string;
  /** A path prefix the service lives under ('' for none), without a trailing slash. */
  basePath: string;
}

/** The caller's own error for a URL it cannot use; `shown` is the URL as a message may quote it. */
export type InvalidUrl = (reason: string, shown: string) => Error;

/**
 * Parse a service's base URL; `invalid` builds the caller's own error (a
 * usage error for a hub URL, a transport error for a device's). Requests go
 * to the origin, which never carries the URL's user or password.
 */
export function locateService(raw: string, invalid: InvalidUrl): ServiceLocation {
  const shown = redact(raw.replace(/\/+$/, ''));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('not a valid URL', shown);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('the URL must be http or https', shown);
  return { url: shown, origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

export interface ServiceUrlOptions {
  /** The caller's error for a URL that cannot be used. */
  invalid: InvalidUrl;
  /**
   * For a service that takes a bearer token, never a password: the caller's
   * error for a URL naming a user or password. Requests go to the origin, so
   * those would reach nobody, yet sit in shell history, the environment and
   * messages; refused, nobody believes they protect anything.
   */
  refuseUserinfo?: (shown: string) => Error;
}

/** Where a service is, from a base URL the caller may use (else the caller's own error). */
export function checkServiceUrl(raw: string, options: ServiceUrlOptions): ServiceLocation {
  const where = locateService(raw, options.invalid);
  if (options.refuseUserinfo && hasUserinfo(raw)) throw options.refuseUserinfo(where.url);
  return where;
}

/** An answer's body as JSON: `undefined` when empty, `notJson` when it is not JSON at all. */
export async function readJson(body: { text(): Promise<string> }): Promise<{ value: unknown; notJson: boolean }> {
  const text = await body.text();
  if (!text) return { value: undefined, notJson: false };
  try {
    return { value: JSON.parse(text) as unknown, notJson: false };
  } catch {
    return { value: undefined, notJson: true };
  }
}
