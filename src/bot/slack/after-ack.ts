// The work a request asks for, run after its acknowledgement has gone out.
// A listener's code runs straight on from ack() in the same turn of the event
// loop, so under a burst each command's CPU work (parsing, rendering) would
// hold back the next request's ack. Jobs start from setImmediate instead —
// after the loop has read and acked whatever else has arrived — once the
// receiver's ack gate says no ack is owed (or a job has waited MAX_DEFER_MS),
// and a bounded number at a time (the hub's connections are bounded too). One asker's jobs
// in one channel run one after another, so their answers come in the order
// they asked. At a stop nothing new starts: jobs still queued are handed back
// at once, running ones get a short grace and are then aborted and handed
// back, so a bot told to stop with a thousand replies queued stops in seconds.

import type { AckGate } from './ack-gate.js';

/** Who asked what: enough to log a reply that never went out (never a token or a response_url). */
export interface ReplyAbout {
  /** The command or action as typed. */
  what: string;
  user: string;
  channel?: string | undefined;
}

export interface AfterAckJob {
  about: ReplyAbout;
  /** Aborted when a stop's grace runs out: pass it to whatever the job waits on. */
  work(signal: AbortSignal): Promise<void>;
}

export interface AfterAck {
  /** Queues a job; its failure is logged, never thrown at the listener (Slack has its ack already). */
  run(job: AfterAckJob): void;
  /** Resolves when every queued job has finished. */
  idle(): Promise<void>;
  /**
   * Takes no more work. Jobs not started are handed back at once; running ones
   * get `graceMs` to finish, then are aborted. Resolves with every job whose
   * reply did not go out, in the order they were asked.
   */
  stop(graceMs: number): Promise<ReplyAbout[]>;
}

interface Queued extends AfterAckJob {
  lane: string;
  seq: number;
  queuedAt: number;
}

/** The longest a reply waits for acks to be done: the answer still comes well inside a second. */
const MAX_DEFER_MS = 250;

export function afterAck(concurrency: number, onError: (error: unknown) => void, gate?: AckGate): AfterAck {
  let queue: Queued[] = [];
  let deferred: NodeJS.Timeout | undefined;
  const running = new Map<Queued, AbortController>();
  const busyLanes = new Set<string>();
  const unsent: Queued[] = [];
  let stopping = false;
  let seq = 0;
  let idleWaiters: (() => void)[] = [];

  const settle = (): void => {
    if (running.size === 0 && queue.length === 0) {
      for (const wake of idleWaiters) wake();
      idleWaiters = [];
    }
  };
  const pump = (): void => {
    if (stopping || queue.length === 0) return;
    const wait = gate?.wait() ?? 0;
    const waited = performance.now() - queue[0]!.queuedAt;
    if (wait > 0 && waited < MAX_DEFER_MS) {
      deferred ??= setTimeout(() => {
        deferred = undefined;
        pump();
      }, Math.min(wait, MAX_DEFER_MS - waited));
      return;
    }
    for (let i = 0; running.size < concurrency && i < queue.length && !stopping; ) {
      const job = queue[i]!;
      // Another job of this asker in this channel is running: this one waits its turn.
      if (busyLanes.has(job.lane)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      start(job);
    }
  };
  const start = (job: Queued): void => {
    const abort = new AbortController();
    running.set(job, abort);
    busyLanes.add(job.lane);
    job
      .work(abort.signal)
      // A job cut short at a stop is already counted as unsent: its failure is no news.
      .catch((error: unknown) => (abort.signal.aborted ? undefined : onError(error)))
      .finally(() => {
        running.delete(job);
        busyLanes.delete(job.lane);
        setImmediate(pump);
        settle();
      });
  };

  return {
    run(job) {
      const queued = { ...job, lane: `${job.about.channel ?? ''}\u0000${job.about.user}`, seq: seq++, queuedAt: performance.now() };
      if (stopping) {
        unsent.push(queued);
        return;
      }
      queue.push(queued);
      setImmediate(pump);
    },
    idle() {
      return running.size === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop(graceMs) {
      stopping = true;
      clearTimeout(deferred);
      unsent.push(...queue);
      queue = [];
      settle();
      if (running.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
        await Promise.race([new Promise<void>((resolve) => idleWaiters.push(resolve)), graceOver]);
        clearTimeout(timer);
        for (const [job, abort] of running) {
          unsent.push(job);
          abort.abort(new Error('the bot is stopping'));
        }
      }
      return unsent.sort((a, b) => a.seq - b.seq).map((job) => job.about);
    },
  };
}
