// When senders last sent alerts, in memory both of the hub's threads read:
// the thread that answers them marks each arrival, and the journal's applier
// — in that thread or in its worker (journal-worker.ts) — leaves them half
// the CPU while they are sending (alert-journal.ts). On two cores shared with
// other processes a worker that never waits (its batches large, its inserts
// no longer writing a statement journal) took the accepting thread's share:
// accepted alerts/s fell while applied alerts/s rose.
// Absolute times (timeOrigin + now): each thread's performance.now() starts at its own birth.

// A request within this long of now: senders are busy.
const BUSY_WINDOW_MS = 2;

export interface SenderActivity {
  /** A sender's request arrived now. */
  arrived(): void;
  /** Whether one arrived within the busy window. */
  busy(): boolean;
  /** The memory to hand the other thread (senderActivity(shared) there reads the same). */
  shared: Float64Array;
}

export function senderActivity(shared: Float64Array = new Float64Array(new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT)).fill(-Infinity)): SenderActivity {
  const now = () => performance.timeOrigin + performance.now();
  return {
    arrived: () => void (shared[0] = now()),
    busy: () => now() - shared[0]! < BUSY_WINDOW_MS,
    shared,
  };
}
