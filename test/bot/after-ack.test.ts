// The Slack bot's reply queue (src/bot/slack/after-ack.ts) with jobs the test
// finishes by hand: a bounded number at once, one asker's in order, nothing
// started while an ack is owed (for a bounded while), and a stop that hands
// back what did not go out.
import { describe, expect, it } from 'vitest';
import { afterAck, type AfterAck, type ReplyAbout } from '../../src/bot/slack/after-ack.js';
import { waitUntil } from '../helpers/wait-until.js';

interface Manual {
  started: string[];
  finish(what: string): void;
  aborted: string[];
  enqueue(what: string, user?: string, channel?: string): void;
}

/** Jobs that run until the test finishes them (or the stop aborts them). */
function manualJobs(later: AfterAck): Manual {
  const started: string[] = [];
  const aborted: string[] = [];
  const finishers = new Map<string, () => void>();
  return {
    started,
    aborted,
    finish: (what) => finishers.get(what)!(),
    enqueue(what, user = 'U1', channel = 'C1') {
      later.run({
        about: { what, user, channel },
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
    },
  };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));
const whats = (about: ReplyAbout[]) => about.map((a) => a.what);

describe('afterAck', () => {
  it('runs a bounded number at once, and one asker’s jobs in the order asked', async () => {
    const errors: unknown[] = [];
    const later = afterAck(2, (e) => errors.push(e));
    const jobs = manualJobs(later);
    jobs.enqueue('a1', 'UA');
    jobs.enqueue('a2', 'UA');
    jobs.enqueue('b1', 'UB');
    jobs.enqueue('c1', 'UC');
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
    await later.idle();
    expect(errors).toEqual([]);
  });

  it('starts nothing while the gate says an ack is owed, until a job has waited its bound', async () => {
    let owed = true;
    const later = afterAck(4, () => undefined, { wait: () => (owed ? 5 : 0) });
    const jobs = manualJobs(later);
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
    await later.idle();
  });

  it('at a stop starts nothing more, hands back queued jobs at once and running ones after the grace, aborted', async () => {
    const errors: unknown[] = [];
    const later = afterAck(1, (e) => errors.push(e));
    const jobs = manualJobs(later);
    jobs.enqueue('r1', 'UA');
    jobs.enqueue('r2', 'UB');
    jobs.enqueue('r3', 'UC');
    await waitUntil(() => jobs.started.length === 1, { what: 'the first job', timeoutMs: 2_000 });
    const unsent = await later.stop(50);
    expect(whats(unsent)).toEqual(['r1', 'r2', 'r3']);
    expect(unsent[1]).toEqual({ what: 'r2', user: 'UB', channel: 'C1' });
    expect(jobs.aborted).toEqual(['r1']);
    expect(jobs.started).toEqual(['r1']);
    // Work after the stop is handed back, never started; an aborted job's failure is no news.
    jobs.enqueue('late');
    expect(whats(await later.stop(50))).toContain('late');
    expect(jobs.started).toEqual(['r1']);
    expect(errors).toEqual([]);
  });

  it('a stop with nothing left behind hands back nothing; a job that finishes in its grace is not counted', async () => {
    const later = afterAck(2, () => undefined);
    const jobs = manualJobs(later);
    jobs.enqueue('done-in-time');
    await waitUntil(() => jobs.started.length === 1, { what: 'the job', timeoutMs: 2_000 });
    const stopping = later.stop(10_000);
    jobs.finish('done-in-time');
    expect(await stopping).toEqual([]);
    expect(jobs.aborted).toEqual([]);
  });
});
