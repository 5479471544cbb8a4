// The replay guard must know a request is genuinely Slack's before it
// remembers its signature (or anyone could fill its memory with made-up ones).
// Bolt's own isValidSlackRequest answers that, but it is built to compare
// strings of any length in constant time: a random key and two more HMACs
// per request (tsscmp). Run on every request ahead of Bolt's own check, it
// was an eighth of the bot's work before each ack under a channel's burst.
// This one computes the one HMAC Slack's scheme needs and compares digests of
// a fixed length with timingSafeEqual. It is not the authority: Bolt still
// verifies every request the guard lets through, and answers 401 itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_WINDOW_SECONDS } from './replay-guard.js';

const VERSION = 'v0';
/** A SHA-256 digest in hex. */
const HEX_DIGEST = /^[0-9a-f]{64}$/;

export interface SignedRequest {
  /** The x-slack-signature header: `v0=<hex HMAC-SHA256>`. */
  signature: string;
  /** The x-slack-request-timestamp header, in seconds. */
  timestampSeconds: number;
  /** The raw body, exactly as received (Slack signs its bytes). */
  body: Buffer;
}

/** True when the request carries the signing secret's signature and is not stale (the same rules as Bolt's check). */
export function isSignedBySlack(request: SignedRequest, signingSecret: string, nowMs: number): boolean {
  if (!Number.isFinite(request.timestampSeconds)) return false;
  if (request.timestampSeconds < Math.floor(nowMs / 1000) - SIGNATURE_WINDOW_SECONDS) return false;
  const [version, hex] = request.signature.split('=');
  if (version !== VERSION || hex === undefined || !HEX_DIGEST.test(hex)) return false;
  const expected = createHmac('sha256', signingSecret)
    .update(`${VERSION}:${request.timestampSeconds}:`)
    .update(request.body)
    .digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}
