// Work that can wait runs on a thread the OS schedules after the ones that
// answer requests. The alert journal's applier (incidents/journal-worker.ts)
// is that work: a sender's alert is safe once it is in the journal, and
// opening its incident a moment later costs no one anything, while a sender
// kept waiting retries or gives up. On a machine with cores to spare this
// changes nothing; where the applier and the accepting thread share cores
// (bench/intake.mjs on 2 of them), the applier took half of the CPU the
// accepts needed. It still gets every cycle nothing else wants, and the
// journal's bound (503 with Retry-After) holds the backlog in a storm.
// Linux keeps a nice value per thread (setpriority(2) on a thread id; NPTL's
// threads do not share it), so only the calling thread is lowered.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * How far below the hub's own threads the applier runs: 19, the lowest (CFS weight 15 against 1,024).
 * At 10 (weight 110) it still took a tenth of a shared core from the accepting thread: alternated on
 * bench/intake.mjs (2 cores), 19 took in 4,477 and 6,407 alerts/s where 10 took 2,657 and 3,210, and
 * had the journal drained 1.1 s after the round began against 1.0 s.
 */
export const BACKGROUND_NICE = 19;

/** The calling thread's id on Linux (/proc/thread-self is /proc/<pid>/task/<tid>); undefined elsewhere. */
function threadId(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lowers the calling thread's scheduling priority to `nice` (never raises it: a hub started under
 * `nice` keeps its own). Whether it did; a platform without per-thread nice values is left alone.
 */
export function runThisThreadInBackground(nice = BACKGROUND_NICE): boolean {
  const tid = threadId();
  if (tid === undefined) return false;
  try {
    if (getPriority(tid) >= nice) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
