// The Bot Connector's failures as the cards' outbox judges them (through the
// Slack SDK's error shapes teams-chat.ts puts them in): a 429 waits out its
// Retry-After, a 5xx or a timeout backs off and may have landed, a refusal is
// never tried again, and a connection refused never reached Teams.
import { describe, expect, it } from 'vitest';
import { classifySlackFailure } from '../../src/bot/slack-failures.js';
import { asChatFailure } from '../../src/bot/teams/teams-chat.js';

const rest = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`status ${statusCode}`), { statusCode, response: { headers: { get: (n: string) => headers[n] } } });
const judge = (e: unknown) => classifySlackFailure(asChatFailure(e));

describe('Bot Connector failures', () => {
  it('429: waits out Retry-After (a second at least)', () => {
    expect(judge(rest(429, { 'retry-after': '7' }))).toMatchObject({ retry: 'rate-limited', afterMs: 7_000, mayHaveLanded: false });
    expect(judge(rest(429))).toMatchObject({ retry: 'rate-limited', afterMs: 1_000 });
  });

  it('5xx and timeouts: back off, and the post may have landed', () => {
    expect(judge(rest(503))).toMatchObject({ retry: 'backoff', mayHaveLanded: true });
    expect(judge(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' }))).toMatchObject({ retry: 'backoff', mayHaveLanded: true });
  });

  it('refusals are for good; a refused connection never reached Teams', () => {
    expect(judge(rest(403))).toMatchObject({ retry: 'never', reason: 'teams_http_403' });
    expect(judge(rest(404))).toMatchObject({ retry: 'never', reason: 'teams_http_404' });
    expect(judge(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ retry: 'backoff', mayHaveLanded: false });
  });
});
