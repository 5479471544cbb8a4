// Whether senders are sending, as the journal's worker sees it: appends keep
// coming (the hub's thread tells them once a turn of its event loop, every
// few ms in a storm) and no request waits for an entry's outcome. While they
// are, the applier holds (alert-journal.ts: holdWhileSending) and leaves the
// cores to the accepting thread; a webhook's request, answered only once its
// alerts are applied, must never wait out a hold, so an entry it waits on
// ends the spell until that entry is applied.
import type { AppendedEntry } from './alert-journal.js';

// Appends this recent mean senders are still sending (the hub's thread may stall this long on 2 busy cores).
export const SENDING_WITHIN_MS = 20;

export interface SendersWatch {
  /** Entries appended, told at `at` (performance.now()). */
  appended(entries: readonly AppendedEntry[] | undefined, at: number): void;
  /** Entries through `seq` are applied (or dropped). */
  appliedThrough(seq: number): void;
  /** Whether senders are sending at `at` and nobody waits for an outcome. */
  sending(at: number): boolean;
}

export function watchSenders(withinMs = SENDING_WITHIN_MS): SendersWatch {
  let lastAppended = -Infinity;
  let waitedThrough = 0;
  let applied = 0;
  return {
    appended(entries, at) {
      lastAppended = at;
      for (const e of entries ?? []) if (e.waited) waitedThrough = Math.max(waitedThrough, e.seq);
    },
    appliedThrough(seq) {
      applied = Math.max(applied, seq);
    },
    sending: (at) => applied >= waitedThrough && at - lastAppended < withinMs,
  };
}
