// The outbox against the Slack stand-in: retries it owns (429 Retry-After,
// outages), dead letters, coalesced updates and jobs that survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openOutbox, type Delivery, type Outbox, type OutboxOptions, type StoredJob } from '../../src/bot/outbox.js';
import { startSlackApi, type SlackApiStandIn } from '../helpers/slack-api.js';

let slack: SlackApiStandIn;
let dir: string;
const open: Outbox[] = [];

beforeAll(async () => {
  slack = await startSlackApi();
  dir = mkdtempSync(join(tmpdir(), 'wf-outbox-'));
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
  slack.setUnavailable(false);
  slack.calls.length = 0;
});

afterAll(async () => {
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

function outbox(file = ':memory:', options: OutboxOptions = {}) {
  const delivered: { job: StoredJob; delivery: Delivery }[] = [];
  const dead: { job: StoredJob; reason: string }[] = [];
  const box = openOutbox(file, {
    token: 'xoxb-test',
    slackApiUrl: slack.url,
    baseBackoffMs: 20,
    maxBackoffMs: 200,
    settle: async (job, delivery) => {
      delivered.push({ job, delivery });
      return { done: true };
    },
    onDeadLetter: (job, reason) => void dead.push({ job, reason }),
    ...options,
  });
  open.push(box);
  return { box, delivered, dead };
}

const idle = (box: Outbox) =>
  Promise.race([box.whenIdle(), new Promise((_, reject) => setTimeout(() => reject(new Error('the outbox did not drain in 8 s')), 8_000))]);

describe('outbox', () => {
  it('posts a message and hands back its ts', async () => {
    const { box, delivered } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-1', channel: 'C0ALERTS', text: 'egates down', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }], meta: { incidentId: 'INC-1' } });
    await idle(box);
    expect(delivered).toHaveLength(1);
    const { ts } = delivered[0]!.delivery;
    expect(slack.messages.get(`C0ALERTS:${ts}`)).toMatchObject({ text: 'egates down', blocks: [{ type: 'section' }] });
    expect(delivered[0]!.job.meta).toEqual({ incidentId: 'INC-1' });
    expect(box.pending()).toEqual([]);
  });

  it('waits exactly the Retry-After of a 429 before the next try', async () => {
    // A backoff this long would show: the gap must be the Retry-After, not it.
    const { box, delivered } = outbox(':memory:', { baseBackoffMs: 10_000, maxBackoffMs: 10_000 });
    slack.rateLimit(1, 1, 'chat.postMessage');
    box.enqueue({ kind: 'post', key: 'INC-2', channel: 'C0ALERTS', text: 'limited' });
    await idle(box);
    const posts = slack.callsOf('chat.postMessage');
    expect(posts).toHaveLength(2);
    const gap = posts[1]!.at - posts[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(990);
    expect(gap).toBeLessThan(4_000);
    expect(delivered).toHaveLength(1);
  });

  it('Slack unavailable, then back: every queued message is delivered, none lost', async () => {
    const { box, delivered, dead } = outbox();
    slack.setUnavailable(true);
    for (let i = 1; i <= 3; i++) box.enqueue({ kind: 'post', key: `INC-10${i}`, channel: 'C0ALERTS', text: `outage ${i}` });
    // A 503 may have come after Slack posted: the tries after it look for the message first.
    await slack.waitFor((calls) => calls.length >= 9, 5_000);
    expect(box.pending().length).toBe(3);
    expect(box.pending()[0]!.lastError).toBe('http_503');
    expect(box.pending().every((j) => j.mayExistSince !== undefined)).toBe(true);
    slack.setUnavailable(false);
    await idle(box);
    expect(delivered.map((d) => d.job.text).sort()).toEqual(['outage 1', 'outage 2', 'outage 3']);
    expect(slack.successfulPosts().map((c) => c.args.text).sort()).toEqual(['outage 1', 'outage 2', 'outage 3']);
    expect(slack.callsOf('conversations.history').filter((c) => c.ok).length).toBeGreaterThanOrEqual(3);
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
    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('several pending updates of one message: only the latest is sent', async () => {
    const { box, delivered } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-5', channel: 'C0ALERTS', text: 'v0' });
    await idle(box);
    const ts = delivered[0]!.delivery.ts;
    for (const v of ['v1', 'v2', 'v3']) box.enqueue({ kind: 'update', key: 'INC-5', channel: 'C0ALERTS', ts, text: v });
    await idle(box);
    expect(slack.callsOf('chat.update').map((c) => c.args.text)).toEqual(['v3']);
    expect(slack.messages.get(`C0ALERTS:${ts}`)).toMatchObject({ text: 'v3', updates: 1 });
  });

  it('an update queued while its post is in flight is sent to the posted message', async () => {
    const { box } = outbox();
    box.enqueue({ kind: 'post', key: 'INC-6', channel: 'C0ALERTS', text: 'first' });
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    box.enqueue({ kind: 'update', key: 'INC-6', channel: 'C0ALERTS', text: 'second' });
    await idle(box);
    const [post] = slack.callsOf('chat.postMessage');
    const [update] = slack.callsOf('chat.update');
    expect(post!.args.text).toBe('first');
    expect(update!.args.text).toBe('second');
    expect([...slack.messages.values()].find((m) => m.text === 'second')?.updates).toBe(1);
  });

  it('jobs survive a restart: reopen the file and the pending job is sent', async () => {
    const file = join(dir, 'restart.sqlite');
    slack.setUnavailable(true);
    const first = outbox(file);
    first.box.enqueue({ kind: 'post', key: 'INC-7', channel: 'C0ALERTS', text: 'before the restart', meta: { incidentId: 'INC-7' } });
    await slack.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    await first.box.close();
    expect(first.delivered).toEqual([]);
    slack.setUnavailable(false);
    const second = outbox(file);
    expect(second.box.pending().map((j) => j.key)).toEqual(['INC-7']);
    await idle(second.box);
    expect(second.delivered.map((d) => d.job.meta)).toEqual([{ incidentId: 'INC-7' }]);
    expect([...slack.messages.values()].some((m) => m.text === 'before the restart')).toBe(true);
  });
});
