// The outbox against the Slack stand-in: retries it owns (429 Retry-After,
// outages), dead letters, coalesced updates and jobs that survive a restart.
import { describe, expect, it } from 'vitest';
import { idle, outboxWorld } from './outbox-fixture.js';

const { world, outbox, file: fileIn } = outboxWorld('wf-outbox-');

describe('outbox', () => {
  it('posts a message and hands back its ts', async () => {
    const { box, delivered } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-1', channel: 'C0ALERTS', text: 'egates down', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }], meta: { incidentId: 'INC-1' } });
    await idle(box);
    expect(delivered).toHaveLength(1);
    const { ts } = delivered[0]!.delivery;
    expect(world.slack.messages.get(`C0ALERTS:${ts}`)).toMatchObject({ text: 'egates down', blocks: [{ type: 'section' }] });
    expect(delivered[0]!.job.meta).toEqual({ incidentId: 'INC-1' });
    expect(box.pending()).toEqual([]);
  });

  it('waits exactly the Retry-After of a 429 before the next try', async () => {
    // A backoff this long would show: the gap must be the Retry-After, not it.
    const { box, delivered } = outbox(':memory:', { baseBackoffMs: 10_000, maxBackoffMs: 10_000 });
    world.slack.rateLimit(1, 1, 'chat.postMessage');
    box.enqueue({ kind: 'post', key: 'INC-2', channel: 'C0ALERTS', text: 'limited' });
    await idle(box);
    const posts = world.slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(2);
    const gap = posts[1]!.at - posts[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(4_000);
    expect(delivered).toHaveLength(1);
  });

  it('Slack unavailable, then back: every queued message is delivered, none lost', async () => {
    const { box, delivered, dead } = outbox();
    world.slack.setUnavailable(true);
    for (let i = 1; i <= 3; i++) box.enqueue({ kind: 'post', key: `INC-10${i}`, channel: 'C0ALERTS', text: `outage ${i}` });
    // A 503 may have come after Slack posted: the tries after it look for the message first.
    await world.slack.waitFor((calls) => calls.length >= 9, 5_000);
    expect(box.pending().length).toBe(3);
    expect(box.pending()[0]!.lastError).toBe('http_503');
    expect(box.pending().every((j) => j.mayExistSince !== undefined)).toBe(true);
    world.slack.setUnavailable(false);
    await idle(box);
    expect(delivered.map((d) => d.job.text).sort()).toEqual(['outage 1', 'outage 2', 'outage 3']);
    expect(world.slack.successfulPosts().map((c) => c.args.text).sort()).toEqual(['outage 1', 'outage 2', 'outage 3']);
    expect(world.slack.callsOf('conversations.history').filter((c) => c.ok).length).toBeGreaterThanOrEqual(3);
    expect(dead).toEqual([]);
  });

  it('a permanent error goes to the dead letters with its reason, and the rest still flow', async () => {
    const { box, delivered, dead } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-3', channel: '', text: 'nowhere' });
    box.enqueue({ kind: 'post', key: 'INC-4', channel: 'C0ALERTS', text: 'somewhere' });
    await idle(box);
    expect(dead.map((d) => d.reason)).toEqual(['channel_not_found']);
    expect(box.deadLetters()).toMatchObject([{ key: 'INC-3', state: 'dead', lastError: 'channel_not_found' }]);
    expect(delivered.map((d) => d.job.key)).toEqual(['INC-4']);
    expect(world.slack.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('several pending updates of one message: only the latest is sent', async () => {
    const { box, delivered } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-5', channel: 'C0ALERTS', text: 'v0' });
    await idle(box);
    const ts = delivered[0]!.delivery.ts;
    for (const v of ['v1', 'v2', 'v3']) box.enqueue({ kind: 'update', key: 'INC-5', channel: 'C0ALERTS', ts, text: v });
    await idle(box);
    expect(world.slack.callsOf('chat.update').map((c) => c.args.text)).toEqual(['v3']);
    expect(world.slack.messages.get(`C0ALERTS:${ts}`)).toMatchObject({ text: 'v3', updates: 1 });
  });

  it('an update queued while its post is in flight is sent to the posted message', async () => {
    const { box } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-6', channel: 'C0ALERTS', text: 'first' });
    await world.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    box.enqueue({ kind: 'update', key: 'INC-6', channel: 'C0ALERTS', text: 'second' });
    await idle(box);
    const [post] = world.slack.callsOf('chat.postMessage');
    const [update] = world.slack.callsOf('chat.update');
    expect(post!.args.text).toBe('first');
    expect(update!.args.text).toBe('second');
    expect([...world.slack.messages.values()].find((m) => m.text === 'second')?.updates).toBe(1);
  });

  it('jobs survive a restart: reopen the file and the pending job is sent', async () => {
    const file = fileIn('restart.sqlite');
    world.slack.setUnavailable(true);
    const first = outbox(file);
    first.box.enqueue({ kind: 'post', key: 'INC-7', channel: 'C0ALERTS', text: 'before the restart', meta: { incidentId: 'INC-7' } });
    await world.slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    await first.box.close();
    expect(first.delivered).toEqual([]);
    world.slack.setUnavailable(false);
    const second = outbox(file);
    expect(second.box.pending().map((j) => j.key)).toEqual(['INC-7']);
    await idle(second.box);
    expect(second.delivered.map((d) => d.job.meta)).toEqual([{ incidentId: 'INC-7' }]);
    expect([...world.slack.messages.values()].some((m) => m.text === 'before the restart')).toBe(true);
  });
});
