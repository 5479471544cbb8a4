// Who hears how a journal entry ended. A request that wants the outcome of its
// alerts (the webhook's documented answer) waits on its entry's seq; the
// applier tells how each batch ended. The applier may run in this thread or in
// a worker (journal-worker.ts), which then tells it by message: either way the
// waiting is here, in the thread that answers the request.
import type { AlertmanagerIngestResult } from '../../core/model.js';
import type { JournalEntry } from '../store/store.js';

/** How entries ended, as the applier tells it. */
export interface JournalOutcomes {
  applied(entries: readonly Pick<JournalEntry, 'seq'>[], results: readonly AlertmanagerIngestResult[]): void;
  /** These entries (none named: every one waited on) will not be applied here. */
  failed(e: unknown, seqs?: readonly number[]): void;
}

export interface OutcomeWaiters extends JournalOutcomes {
  /**
   * The outcome of entry `seq`, once applied. Called the moment the append
   * commits (no batch can take it before: AlertJournal.appendJournal).
   */
  outcomeOf(seq: number): Promise<AlertmanagerIngestResult>;
}

interface Waiter {
  resolve(result: AlertmanagerIngestResult): void;
  reject(e: unknown): void;
}

export function createOutcomeWaiters(): OutcomeWaiters {
  const waiters = new Map<number, Waiter>();
  const take = (seq: number) => {
    const w = waiters.get(seq);
    if (w) waiters.delete(seq);
    return w;
  };
  return {
    outcomeOf: (seq) => new Promise((resolve, reject) => waiters.set(seq, { resolve, reject })),
    applied(entries, results) {
      entries.forEach((e, i) => take(e.seq)?.resolve(results[i]!));
    },
    failed(e, seqs) {
      for (const seq of seqs ?? [...waiters.keys()]) take(seq)?.reject(e);
    },
  };
}
