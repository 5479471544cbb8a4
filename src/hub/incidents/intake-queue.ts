// The bounded queue between the intake's requests and its one writer. A
// storm's requests wait here, and the writer takes every one waiting into a
// single transaction (group commit): one BEGIN … COMMIT, one read of the
// inventory, one outbox write for the lot, instead of one of each per request.
// A request is answered only once its transaction committed, so a 2xx means
// stored. When more alerts wait than the limit, a request is refused at once
// with 503 and Retry-After (Alertmanager retries 5xx; it does not retry 429)
// rather than left to time out or dropped.
import { setImmediate } from 'node:timers';
import { UnavailableError } from '../../core/errors.js';

export interface IntakeQueueLimits {
  /** Alerts that may wait for the writer; past it, requests are refused (a request alone is always taken). */
  maxWaitingAlerts: number;
  /** Alerts the writer takes into one transaction. */
  maxAlertsPerCommit: number;
  /** What Retry-After says to a refused sender. */
  retryAfterSeconds: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeQueueLimits = { maxWaitingAlerts: 20_000, maxAlertsPerCommit: 2_000, retryAfterSeconds: 1 };

export interface IntakeQueueObserver {
  /** A request was refused because the queue was full. */
  refused(): void;
  /** The writer committed a transaction of `requests` requests. */
  committed?(requests: number): void;
}

interface Job<J, R> {
  job: J;
  size: number;
  resolve(result: R): void;
  reject(e: unknown): void;
}

export interface IntakeQueue<J, R> {
  /** Waits for `job`'s transaction to commit; throws UnavailableError at once when the queue is full. */
  submit(job: J, size: number): Promise<R>;
  /** Requests and alerts waiting for the writer (not those it is writing now). */
  depth(): { requests: number; alerts: number };
}

/**
 * `apply` stores a group of jobs in one transaction and returns each one's
 * result in order. When a group fails for a reason other than storage (a
 * conflict, a bug in one request's alerts), each of its jobs is tried alone,
 * so one bad request cannot fail the others it happened to share a commit with.
 */
export function createIntakeQueue<J, R>(apply: (jobs: J[]) => Promise<R[]>, limits: IntakeQueueLimits, observer: IntakeQueueObserver): IntakeQueue<J, R> {
  const waiting: Job<J, R>[] = [];
  let waitingAlerts = 0;
  let writing = false;

  const take = (): Job<J, R>[] => {
    const group: Job<J, R>[] = [];
    let alerts = 0;
    while (waiting.length > 0 && (group.length === 0 || alerts + waiting[0]!.size <= limits.maxAlertsPerCommit)) {
      const next = waiting.shift()!;
      alerts += next.size;
      group.push(next);
    }
    waitingAlerts -= alerts;
    return group;
  };

  const write = async (group: Job<J, R>[]): Promise<void> => {
    try {
      const results = await apply(group.map((g) => g.job));
      observer.committed?.(group.length);
      group.forEach((g, i) => g.resolve(results[i]!));
    } catch (e) {
      if (group.length === 1 || e instanceof UnavailableError) {
        for (const g of group) g.reject(e);
        return;
      }
      for (const g of group) await write([g]);
    }
  };

  const drain = async (): Promise<void> => {
    if (writing) return;
    writing = true;
    try {
      // A transaction of synchronous SQLite runs to its commit in microtasks, before
      // the next request is even read; yielding to the event loop first lets every
      // request that arrived meanwhile join this commit.
      while (waiting.length > 0) {
        await new Promise((r) => setImmediate(r));
        await write(take());
      }
    } finally {
      writing = false;
    }
  };

  return {
    submit(job, size) {
      if (waiting.length > 0 && waitingAlerts + size > limits.maxWaitingAlerts) {
        observer.refused();
        return Promise.reject(
          new UnavailableError(`the hub is taking in alerts as fast as it can; ${waitingAlerts} are waiting, so this request was not taken`, {
            hint: `nothing of it was stored; send it again after ${limits.retryAfterSeconds} s (Alertmanager retries by itself)`,
            details: { intake: 'queue full', waitingAlerts, retryAfterSeconds: limits.retryAfterSeconds },
          }),
        );
      }
      return new Promise<R>((resolve, reject) => {
        waiting.push({ job, size, resolve, reject });
        waitingAlerts += size;
        void drain();
      });
    },
    depth: () => ({ requests: waiting.length, alerts: waitingAlerts }),
  };
}
