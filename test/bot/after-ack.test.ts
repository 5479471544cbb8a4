// The Slack bot's reply queue (src/bot/slack/after-ack.ts) with jobs the test
// finishes by hand: a bounded number at once, one asker's in order, nothing
// started while an ack is owed (for a bounded while), and a stop that hands
// back what did not go out.
import { describe, expect, it } from 'vitest';
import type { AckGate } from '../../src/bot/slack/ack-gate.js';
import { afterAck, type AfterAck, type ReplyAbout } from '../../src/bot/slack/after-ack.js';
import { waitUntil } from '../helpers/wait-until.js';

interface Manual {
  later: AfterAck;
  /** Failures the queue reported. */
  errors: unknown[];
  started: string[];
  finish(what: string): void;
  aborted: string[];
  /** Jobs named `what`, each asked by its user (default U1) in channel C1. */
  enqueue(...jobs: (string | [what: string, user: string])[]): void;
}

/** A queue whose jobs run until the test finishes them (or a stop aborts them). */
function manualJobs(concurrency: number, gate?: AckGate): Manual {
  const errors: unknown[] = [];
  const later = afterAck(concurrency, (e) => errors.push(e), gate);
  const started: string[] = [];
  const aborted: string[] = [];
  const finishers = new Map<string, () => void>();
  const one = (what: string, user: string): void =>
    later.run({
      about: { what, user, channel: 'C1' },
      work: (signal) =>
        new Promise<void>((resolve, reject) => {
          started.push(what);
          finishers.set(what, resolve);
          signal.addEventListener('abort', () => {
            aborted.push(what);
            reject(signal.reason as Error);
          });
        }),
    });
  return {
    later,
    errors,
    started,
    aborted,
    finish: (what) => finishers.get(what)!(),
    enqueue: (...jobs) => jobs.forEach((job) => (typeof job === 'string' ? one(job, 'U1') : one(...job))),
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));
const whats = (about: ReplyAbout[]) => about.map((a) => a.what);

describe('afterAck', () => {
  it('runs a bounded number at once, and one asker’s jobs in the order asked', async () => {
    const jobs = manualJobs(2);
    jobs.enqueue(['a1', 'UA'], ['a2', 'UA'], ['b1', 'UB'], ['c1', 'UC']);
    await waitUntil(() => jobs.started.length === 2, { what: 'two jobs to start', timeoutMs: 2_000 });
    // a2 waits for a1 (same asker, same channel), so b1 goes before it.
    expect(jobs.started).toEqual(['a1', 'b1']);
    jobs.finish('a1');
    await waitUntil(() => jobs.started.length === 3, { what: 'a third job', timeoutMs: 2_000 });
    expect(jobs.started).toEqual(['a1', 'b1', 'a2']);
    jobs.finish('b1');
    jobs.finish('a2');
    await waitUntil(() => jobs.started.length === 4, { what: 'the last job', timeoutMs: 2_000 });
    jobs.finish('c1');
    await jobs.later.idle();
    expect(jobs.errors).toEqual([]);
  });

  it('starts nothing while the gate says an ack is owed, until a job has waited its bound', async () => {
    let owed = true;
    const jobs = manualJobs(4, { wait: () => (owed ? 5 : 0) });
    jobs.enqueue('q1');
    await settled();
    expect(jobs.started).toEqual([]);
    owed = false;
    await waitUntil(() => jobs.started.length === 1, { what: 'the job once no ack is owed', timeoutMs: 2_000 });
    jobs.finish('q1');

    // An ack owed for ever holds a reply back for a bounded while only.
    owed = true;
    jobs.enqueue('q2');
    await waitUntil(() => jobs.started.includes('q2'), { what: 'the job after its longest wait', timeoutMs: 5_000 });
    jobs.finish('q2');
    await jobs.later.idle();
  });

  it('at a stop starts nothing more, hands back queued jobs at once and running ones after the grace, aborted', async () => {
    const jobs = manualJobs(1);
    jobs.enqueue(['r1', 'UA'], ['r2', 'UB'], ['r3', 'UC']);
    await waitUntil(() => jobs.started.length === 1, { what: 'the first job', timeoutMs: 2_000 });
    const unsent = await jobs.later.stop(50);
    expect(whats(unsent)).toEqual(['r1', 'r2', 'r3']);
    expect(unsent[1]).toEqual({ what: 'r2', user: 'UB', channel: 'C1' });
    expect(jobs.aborted).toEqual(['r1']);
    expect(jobs.started).toEqual(['r1']);
    // Work after the stop is handed back, never started; an aborted job's failure is no news.
    jobs.enqueue('late');
    expect(whats(await jobs.later.stop(50))).toContain('late');
    expect(jobs.started).toEqual(['r1']);
    expect(jobs.errors).toEqual([]);
  });

  it('a stop with nothing left behind hands back nothing; a job that finishes in its grace is not counted', async () => {
    const jobs = manualJobs(2);
    jobs.enqueue('done-in-time');
    await waitUntil(() => jobs.started.length === 1, { what: 'the job', timeoutMs: 2_000 });
    const stopping = jobs.later.stop(10_000);
    jobs.finish('done-in-time');
    expect(await stopping).toEqual([]);
    expect(jobs.aborted).toEqual([]);
  });
});
