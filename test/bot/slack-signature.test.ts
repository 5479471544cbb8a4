// The replay guard's own signature check agrees with Bolt's (the authority)
// on every kind of request that reaches the bot: genuine, forged, tampered,
// stale, malformed.
import { createHmac } from 'node:crypto';
import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { isSignedBySlack, type SignedRequest } from '../../src/bot/slack/slack-signature.js';

const SECRET = 'test-signing-secret';
const NOW_MS = 1_750_000_000_000;
const NOW_S = NOW_MS / 1000;

function signed(body: string, ts = NOW_S, secret = SECRET): SignedRequest {
  const hex = createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { signature: `v0=${hex}`, timestampSeconds: ts, body: Buffer.from(body) };
}

function bolt(request: SignedRequest): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body: request.body.toString('utf8'),
    headers: { 'x-slack-signature': request.signature, 'x-slack-request-timestamp': request.timestampSeconds },
    nowMilliseconds: NOW_MS,
  });
}

const body = 'command=%2Fwf&text=status+RUH&user_id=U1';
const good = signed(body);
const cases: [string, SignedRequest, boolean][] = [
  ['a genuine request', good, true],
  ['one in Arabic', signed('command=%2Fwf&text=حالة+جدة'), true],
  ['a forged signature', { ...good, signature: `v0=${'0'.repeat(64)}` }, false],
  ['a body changed after signing', { ...good, body: Buffer.from(body.replace('RUH', 'JED')) }, false],
  ['another secret', signed(body, NOW_S, 'another-secret'), false],
  ['a stale timestamp (over 5 minutes old)', signed(body, NOW_S - 301), false],
  ['a timestamp just inside the window', signed(body, NOW_S - 300), true],
  ['another version', { ...good, signature: good.signature.replace('v0=', 'v1=') }, false],
  ['no digest', { ...good, signature: 'v0=' }, false],
  ['no "="', { ...good, signature: 'v0' }, false],
  ['a digest one byte short', { ...good, signature: good.signature.slice(0, -2) }, false],
  ['a digest in capitals', { ...good, signature: good.signature.toUpperCase().replace('V0=', 'v0=') }, false],
  ['a signature for another timestamp', { ...good, timestampSeconds: NOW_S - 1 }, false],
];

describe('isSignedBySlack', () => {
  it.each(cases)('%s: as Bolt decides', (_name, request, genuine) => {
    expect(isSignedBySlack(request, SECRET, NOW_MS)).toBe(genuine);
    expect(bolt(request)).toBe(genuine);
  });

  it('refuses a timestamp that is not a number', () => {
    expect(isSignedBySlack({ ...good, timestampSeconds: Number.NaN }, SECRET, NOW_MS)).toBe(false);
  });
});
