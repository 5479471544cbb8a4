// Writers of one hub process over its SQLite file, in two threads: the hub's
// own (intake appends, acks, every request) and the alert journal's applier
// (long batches, incidents/journal-worker.ts). SQLite has one write lock and
// no queue: a connection that finds it taken polls. The applier, beginning its
// next batch the moment it committed the last, took the lock again before the
// hub's thread looked, so appends waited out the whole backlog (bench/intake
// profiled: the hub's thread 61% idle, accepting no faster than applying).
// And the other way round, the applier waited out its busy timeout behind a
// stream of appends and failed its batch as if storage were gone. Turns share
// memory between the threads: a connection waiting to write says so, one that
// yields (the applier) lets it go first, and every commit wakes whoever waits,
// so it tries again at once rather than after a backoff.
import { setTimeout as sleep } from 'node:timers/promises';

/** [0]: connections of this process waiting to write; [1]: commits of its connections. */
export type WriteTurns = Int32Array;

// Node has it since 16; TypeScript's lib only from ES2024.
interface AtomicsWithWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: false; value: string } | { async: true; value: Promise<string> };
}

const WAITING = 0;
const COMMITS = 1;

export function createWriteTurns(): WriteTurns {
  return new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
}

/** Counts this connection as waiting to write until the returned function is called. */
export function waitToWrite(turns: WriteTurns): () => void {
  Atomics.add(turns, WAITING, 1);
  return () => void Atomics.sub(turns, WAITING, 1);
}

/** Resolves when another connection of this process next commits, or after `ms`. */
export async function nextCommit(turns: WriteTurns, ms: number): Promise<void> {
  const waited = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(turns, COMMITS, Atomics.load(turns, COMMITS), ms);
  if (!waited.async) return;
  // A pending waitAsync does not keep the event loop alive: a hub stopping with a write waiting would exit half-way.
  const alive = setTimeout(() => {}, ms);
  try {
    await waited.value;
  } finally {
    clearTimeout(alive);
  }
}

/** Whether another connection of this process is waiting to write now (a yielding one ends its transaction early). */
export const othersWaiting = (turns: WriteTurns): boolean => Atomics.load(turns, WAITING) > 0;

/** Before a yielding connection begins: lets those waiting to write go first (for `maxMs` at most: it must not starve). */
export async function letOthersWrite(turns: WriteTurns, maxMs: number): Promise<void> {
  const until = Date.now() + maxMs;
  while (othersWaiting(turns) && Date.now() < until) await sleep(1);
}

/** After a connection committed: whoever waits may try now. */
export function committed(turns: WriteTurns): void {
  Atomics.add(turns, COMMITS, 1);
  Atomics.notify(turns, COMMITS);
}
