// The outbox against the Slack stand-in, beyond sending: a post whose message
// may already be in the channel is looked for and adopted (only the app's
// own), a sent message's after-step runs apart from the sending (a stuck one
// holds up nothing, a refused one is dead-lettered at once), a post its
// sender may no longer make is dropped, and Retry-After is never less than 1 s.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createOutboxWebClient, type OutboxOptions } from '../../src/bot/outbox.js';
import { messageMetadata } from '../../src/bot/slack/message-lookup.js';
import { waitUntil } from '../helpers/wait-until.js';
import { idle, outboxWorld } from './outbox-fixture.js';

const { world, outbox: open, file: fileIn } = outboxWorld('wf-outbox-after-');
/** Here the options come first; the file is named only for the file-backed cases. */
const outbox = (options: OutboxOptions = {}, file = ':memory:') => open(file, options);

const postsWith = (text: string) => world.slack.successfulPosts().filter((c) => c.args.text === text);

describe('a post that may already be in the channel', () => {
  it('is found by its key and updated in place, not posted again', async () => {
    const first = outbox();
    first.box.enqueue({ kind: 'post', key: 'card:INC-1:C0LOOK001', channel: 'C0LOOK001', text: 'v1' });
    await idle(first.box);
    const since = Date.now() - 1_000;
    // Another sender (a bot that took the card over) posts the same key, told it may exist.
    const settled: string[] = [];
    const second = outbox({ settle: async (job, d) => (settled.push(`${job.kind} ${d.ts}`), { done: true }) });
    second.box.enqueue({ kind: 'post', key: 'card:INC-1:C0LOOK001', channel: 'C0LOOK001', text: 'v2', mayExistSince: since });
    await idle(second.box);
    expect(world.slack.successfulPosts()).toHaveLength(1);
    const [message] = [...world.slack.messages.values()].filter((m) => m.channel === 'C0LOOK001');
    expect(message).toMatchObject({ text: 'v2', updates: 1, metadata: messageMetadata('card:INC-1:C0LOOK001') });
    // The after-step sees the adopted message as the post's, then the update of it.
    expect(settled).toEqual([`post ${message!.ts}`, `update ${message!.ts}`]);
  });

  it('someone else’s message carrying the same key is not ours to adopt: the post goes out', async () => {
    const person = createOutboxWebClient('xoxp-someone', world.slack.url);
    await person.chat.postMessage({ channel: 'C0LOOK002', text: 'looks like a card', metadata: messageMetadata('card:INC-2:C0LOOK002') });
    const { box } = outbox();
    box.enqueue({ kind: 'post', key: 'card:INC-2:C0LOOK002', channel: 'C0LOOK002', text: 'the card', mayExistSince: Date.now() - 1_000 });
    await idle(box);
    expect(postsWith('the card')).toHaveLength(1);
    expect(world.slack.callsOf('conversations.history')).toHaveLength(1);
  });

  it('a post tried before a restart (its answer never heard) is looked for when the outbox opens again', async () => {
    const file = fileIn('restart-lookup.sqlite');
    const first = outbox({}, file);
    first.box.enqueue({ kind: 'post', key: 'card:INC-3:C0LOOK003', channel: 'C0LOOK003', text: 'posted, then the bot died' });
    await idle(first.box);
    await first.box.close();
    // As if it died after Slack posted, before it could forget the job: the job is pending and was tried.
    const db = new Database(file);
    db.prepare(`INSERT INTO outbox_jobs (key, kind, channel, text, next_at, may_exist_since) VALUES (?, 'post', ?, ?, ?, ?)`).run(
      'card:INC-3:C0LOOK003',
      'C0LOOK003',
      'posted, then the bot died',
      Date.now(),
      Date.now() - 2_000,
    );
    db.close();
    const second = outbox({}, file);
    await idle(second.box);
    expect(postsWith('posted, then the bot died')).toHaveLength(1);
  });

  it('an outbox file from before leases opens and sends what it held', async () => {
    const file = fileIn('old-outbox.sqlite');
    const db = new Database(file);
    db.exec(`CREATE TABLE outbox_jobs (id INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, channel TEXT NOT NULL, ts TEXT, text TEXT NOT NULL,
      blocks TEXT, meta TEXT, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, last_error TEXT)`);
    db.prepare(`INSERT INTO outbox_jobs (key, kind, channel, text, next_at) VALUES ('card:INC-4:C0OLD0001', 'post', 'C0OLD0001', 'from an old outbox', ?)`).run(Date.now());
    db.close();
    const { box } = outbox({}, file);
    await idle(box);
    expect(postsWith('from an old outbox')).toHaveLength(1);
  });
});

describe('after the send', () => {
  it('an after-step that hangs holds up nothing: the next message leaves within a second', async () => {
    let release: (() => void) | undefined;
    const { box } = outbox({
      settle: (job) => (job.key === 'stuck' ? new Promise((resolve) => (release = () => resolve({ done: true }))) : Promise.resolve({ done: true })),
    });
    box.enqueue({ kind: 'post', key: 'stuck', channel: 'C0AFTER01', text: 'first' });
    await waitUntil(() => release, { what: 'the first message’s after-step to start', timeoutMs: 3_000 });
    const enqueued = Date.now();
    box.enqueue({ kind: 'post', key: 'next', channel: 'C0AFTER01', text: 'second' });
    await waitUntil(() => postsWith('second').length === 1, { what: 'the second message', timeoutMs: 3_000 });
    expect(postsWith('second')[0]!.at - enqueued).toBeLessThan(1_000);
    expect(box.settling().map((j) => j.key)).toEqual(['stuck']);
    release!();
    await idle(box);
  });

  it('an after-step refused for good dead-letters that message at once, with its reason; one that may work later is tried again', async () => {
    let tries = 0;
    const { box, dead } = outbox({
      settle: async (job) => {
        if (job.key === 'refused') return { dead: 'not_found: no card of INC-000009 is claimed for slack:C0AFTER02' };
        return ++tries < 3 ? { retry: 'hub_unreachable' } : { done: true };
      },
    });
    box.enqueue({ kind: 'post', key: 'refused', channel: 'C0AFTER02', text: 'refused' });
    box.enqueue({ kind: 'post', key: 'later', channel: 'C0AFTER02', text: 'later' });
    await idle(box);
    expect(dead.map((d) => [d.job.key, d.reason])).toEqual([['refused', 'not_found: no card of INC-000009 is claimed for slack:C0AFTER02']]);
    expect(box.deadLetters()).toMatchObject([{ key: 'refused', state: 'dead', lastError: 'not_found: no card of INC-000009 is claimed for slack:C0AFTER02', ts: expect.any(String) }]);
    expect(tries).toBe(3);
  });

  it('a post its sender may no longer make is dropped with the updates queued behind it; a retry waits', async () => {
    const dropped: string[] = [];
    let gate: 'retry' | 'drop' = 'retry';
    const { box, dead } = outbox({
      beforePost: async () => (gate === 'retry' ? { retry: 'hub_unreachable' } : { drop: 'lost the card to bot-b (generation 2)' }),
      onDropped: (job, reason) => void dropped.push(`${job.key}: ${reason}`),
    });
    box.enqueue({ kind: 'post', key: 'lost', channel: 'C0AFTER03', text: 'v1' });
    await waitUntil(() => box.pending()[0]?.attempts, { what: 'the gate to hold the post back', timeoutMs: 3_000 });
    box.enqueue({ kind: 'update', key: 'lost', channel: 'C0AFTER03', text: 'v2' });
    gate = 'drop';
    await idle(box);
    expect(dropped).toEqual(['lost: lost the card to bot-b (generation 2)']);
    expect(box.pending()).toEqual([]);
    expect(dead).toEqual([]);
    expect(world.slack.callsOf('chat.postMessage')).toEqual([]);
  });
});

describe('rate limits', () => {
  it('a 429 with Retry-After: 0 still waits a second before the next call', async () => {
    const { box } = outbox({ baseBackoffMs: 10_000, maxBackoffMs: 10_000 });
    world.slack.rateLimit(1, 0, 'chat.postMessage');
    box.enqueue({ kind: 'post', key: 'RA0', channel: 'C0LIMIT01', text: 'limited' });
    await idle(box);
    const [first, second] = world.slack.callsOf('chat.postMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });
});
