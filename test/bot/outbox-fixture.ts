// What the outbox tests share: the Slack stand-in and a temp directory for
// the file-backed cases, outboxes with short backoffs that record what they
// delivered and dead-lettered (and are closed after each test), and a bounded
// wait for one to drain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openOutbox, type Delivery, type Outbox, type OutboxOptions, type StoredJob } from '../../src/bot/outbox.js';
import { startSlackApi, type SlackApiStandIn } from '../helpers/slack-api.js';

/** Installs the hooks that start, reset and stop the stand-in; its parts are valid inside tests. */
export function outboxWorld(prefix: string) {
  const world = { slack: undefined as unknown as SlackApiStandIn, dir: '' };
  const open: Outbox[] = [];
  beforeAll(async () => {
    world.slack = await startSlackApi();
    world.dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((o) => o.close()));
    world.slack.setUnavailable(false);
    world.slack.calls.length = 0;
  });
  afterAll(async () => {
    await world.slack?.close();
    if (world.dir) rmSync(world.dir, { recursive: true, force: true });
  });

  /** An outbox on `file` that records deliveries (unless `options` settles otherwise) and dead letters. */
  function outbox(file = ':memory:', options: OutboxOptions = {}) {
    const delivered: { job: StoredJob; delivery: Delivery }[] = [];
    const dead: { job: StoredJob; reason: string }[] = [];
    const box = openOutbox(file, {
      token: 'xoxb-test',
      slackApiUrl: world.slack.url,
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

  return { world, outbox, file: (name: string) => join(world.dir, name) };
}

/** Resolves when the outbox has nothing left to do; fails after `ms`. */
export const idle = (box: Outbox, ms = 8_000) =>
  Promise.race([box.whenIdle(), new Promise((_, reject) => setTimeout(() => reject(new Error(`the outbox did not drain in ${ms} ms`)), ms))]);
