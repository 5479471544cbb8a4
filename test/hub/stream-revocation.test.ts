// An event stream is authorised when it opens, and lives for hours: revoking
// its token must end it, or a revoked wall screen (or a stolen token) goes on
// reading every incident as it happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';
import { waitUntil } from '../helpers/wait-until.js';

let hub: FixtureHub;

beforeAll(async () => {
  hub = await startFixtureHub();
});

afterAll(async () => {
  await hub?.stop();
});

interface RawStream {
  text(): string;
  ended(): boolean;
  close(): void;
}

/** GET /v1/events, read as raw text until the hub ends it (or the test closes it). */
async function openStream(path: string, headers: Record<string, string> = {}): Promise<RawStream> {
  const abort = new AbortController();
  const res = await fetch(`${hub.url}${path}`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // closed by the test
    }
    ended = true;
  })();
  return { text: () => text, ended: () => ended, close: () => abort.abort() };
}

async function createIncidents(n: number, title: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await hub.admin.createIncident({ title: `${title} ${i}`, severity: 'sev4' })).incident.id);
  return ids;
}

/** Waits for the hub to end the stream; a timeout says how much it sent since `from` characters. */
const streamEnded = (s: RawStream, what: string, from = s.text().length) =>
  waitUntil(() => s.ended(), { what, timeoutMs: 5_000, intervalMs: 20, describe: () => `${s.text().length - from} characters arrived since` });

describe('a revoked token’s event stream', () => {
  it.each([
    ['the authorization header', (secret: string) => ['/v1/events', { authorization: `Bearer ${secret}` }] as const],
    ['?token= (EventSource)', (secret: string) => [`/v1/events?token=${encodeURIComponent(secret)}`, {}] as const],
  ])('ends when the token is revoked (token in %s), and carries nothing after', async (_how, request) => {
    const { token, secret } = await hub.admin.createToken({ name: `wall-${Date.now()}`, role: 'viewer' });
    const [path, headers] = request(secret);
    const stream = await openStream(path, headers);
    const [seen] = await createIncidents(1, 'before the revoke');
    await waitUntil(() => stream.text().includes(seen!), { what: 'the stream to carry a live event', timeoutMs: 5_000, intervalMs: 20 });
    const atRevoke = stream.text().length;
    await hub.admin.revokeToken(token.id);
    const after = await createIncidents(20, 'after the revoke');
    await streamEnded(stream, 'the revoked token’s stream to end', atRevoke);
    for (const id of after) expect(stream.text()).not.toContain(id);
  });

  it('ends a bot token’s streams, whoever it acted for; another token’s stream goes on', async () => {
    const bot = await hub.admin.createToken({ name: 'slack-bot-revoked', role: 'officer', bot: true });
    const other = await hub.admin.createToken({ name: 'wall-kept', role: 'viewer' });
    const forChatUser = await openStream('/v1/events', { authorization: `Bearer ${bot.secret}`, 'x-watchfloor-on-behalf-of': 'slack:U0AISHA' });
    const kept = await openStream('/v1/events', { authorization: `Bearer ${other.secret}` });
    try {
      await hub.admin.revokeToken(bot.token.id);
      await streamEnded(forChatUser, 'the bot token’s stream to end');
      const [later] = await createIncidents(1, 'for the kept stream');
      await waitUntil(() => kept.text().includes(later!), { what: 'the other token’s stream to go on', timeoutMs: 5_000, intervalMs: 20 });
      expect(kept.ended()).toBe(false);
    } finally {
      kept.close();
    }
  });
});
