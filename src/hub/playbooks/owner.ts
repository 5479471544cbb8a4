// Who drives a run: a name for this runner (host, process, instance), and
// whether the holder of a lease is known to be gone. A lease lapses on its own
// when its holder dies; on the same machine a hub that restarts need not wait
// that long: a holder whose process is gone is dead now. Anything it cannot
// tell (another machine, a process id reused) waits for the lapse, and the
// fence keeps a holder wrongly thought dead from writing anyway.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

const HOST = hostname();
// Runners of this process that have not closed (tests start several hubs in one process).
const LIVE = new Set<string>();

export function newOwner(): { name: string; close(): void } {
  const name = `${HOST}:${process.pid}:${randomUUID().slice(0, 8)}`;
  LIVE.add(name);
  return { name, close: () => void LIVE.delete(name) };
}

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Whether the runner named `owner` is certainly not running any more. */
export function ownerIsGone(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== HOST || !Number.isInteger(pid)) return false;
  if (pid === process.pid) return !LIVE.has(owner);
  return processGone(pid);
}
