// The hub's playbook runner: it drives runs (driver.ts) when something may
// have moved them — a person's action, a timer falling due, a tick that finds
// a run nobody drives (its hub stopped) — one drive at a time per run. A
// drive first claims the run's lease in the store (bumping its fence), keeps
// it renewed while it works, and lets it go when the run stops moving. At
// start it looks at every run left running or waiting: what a hub that died
// was driving is taken over, on the same machine at once, elsewhere once its
// lease lapses. Nothing waits in memory for a timer: timers are rows, and a
// tick (and one timeout armed for the soonest) finds them due.
import type { HubContext } from '../context.js';
import type { RunLeaseState } from '../store/store.js';
import { RunDriver } from './driver.js';
import { LeaseLost, type Lease } from './journal.js';
import { newOwner, ownerIsGone } from './owner.js';

export interface RunnerOptions {
  /** How long a run's lease outlives a hub that stopped renewing it. Default 30 s. */
  leaseTtlMs?: number;
  /** How often the runner looks for due timers and runs nobody drives. Default 1 s. */
  tickMs?: number;
  /** How often a wait re-reads its condition. Default 2 s. */
  conditionPollMs?: number;
  /** How long close() lets steps under way finish before letting their runs go. Default 5 s. */
  closeGraceMs?: number;
}

export interface PlaybookRunner {
  /** Picks up the runs left running or waiting, and starts ticking. */
  start(): Promise<void>;
  /** Drive this run soon (something may have moved it). */
  nudge(runId: string): void;
  /** Resolves once nothing is being driven (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createRunner(ctx: HubContext, options: RunnerOptions = {}): PlaybookRunner {
  const ttlMs = options.leaseTtlMs ?? 30_000;
  const tickMs = options.tickMs ?? 1_000;
  const env = { ctx, conditionPollMs: options.conditionPollMs ?? 2_000 };
  const owner = newOwner();
  const clock = () => ctx.now().getTime();
  const driving = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const held = new Map<string, Lease>();
  let closed = false;
  let ticker: NodeJS.Timeout | undefined;
  let soonest: NodeJS.Timeout | undefined;

  const mayTake = (r: Pick<RunLeaseState, 'owner' | 'leaseExpiresAt'>) =>
    r.owner === null || r.owner === owner.name || (r.leaseExpiresAt ?? 0) <= clock() || ownerIsGone(r.owner);

  async function driveOnce(runId: string): Promise<void> {
    const run = await ctx.store.getRun(runId);
    if (!run || (run.status !== 'running' && run.status !== 'waiting') || !mayTake(run)) return;
    const takeOverFrom = run.owner !== null && run.owner !== owner.name ? run.owner : undefined;
    const fence = await ctx.store.transaction((tx) => tx.claimRun(runId, owner.name, clock(), ttlMs, takeOverFrom));
    if (fence === undefined) return;
    const lease: Lease = { runId, owner: owner.name, fence };
    held.set(runId, lease);
    const renewal = setInterval(() => void ctx.store.transaction((tx) => tx.renewRun(runId, owner.name, fence, clock(), ttlMs)).catch(() => undefined), Math.max(1, Math.floor(ttlMs / 3)));
    renewal.unref();
    try {
      await new RunDriver(env, lease).drive();
    } finally {
      clearInterval(renewal);
      if (held.get(runId) === lease) {
        held.delete(runId);
        await ctx.store.transaction((tx) => tx.releaseRun(runId, owner.name, fence)).catch(() => undefined);
      }
    }
  }

  async function loop(runId: string): Promise<void> {
    try {
      do {
        again.delete(runId);
        try {
          await driveOnce(runId);
        } catch (e) {
          if (closed) return;
          // Lost to another hub: theirs now. Anything else is logged; the next tick tries again.
          if (!(e instanceof LeaseLost)) ctx.log(`playbook runner: ${runId}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        }
      } while (again.has(runId) && !closed);
    } finally {
      driving.delete(runId);
      if (!closed) void armSoonest();
    }
  }

  function nudge(runId: string): void {
    if (closed) return;
    if (driving.has(runId)) {
      again.add(runId);
      return;
    }
    driving.set(runId, loop(runId));
  }

  /** A timeout for the soonest timer, so a 5-second wait is not rounded up to the tick. */
  async function armSoonest(): Promise<void> {
    const due = await ctx.store.nextTimerDue().catch(() => undefined);
    if (closed || due === undefined) return;
    clearTimeout(soonest);
    soonest = setTimeout(() => void tick(), Math.min(Math.max(0, due - clock()), tickMs));
    soonest.unref();
  }

  async function tick(): Promise<void> {
    if (closed) return;
    try {
      for (const run of await ctx.store.listRunsToDrive(clock())) if (mayTake(run) || run.owner === null) nudge(run.id);
    } catch (e) {
      ctx.log(`playbook runner: looking for runs to drive failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    async start() {
      await tick();
      ticker = setInterval(() => void tick(), tickMs);
      ticker.unref();
    },
    nudge,
    async idle() {
      while (driving.size > 0) await Promise.all([...driving.values()]);
    },
    async close() {
      closed = true;
      clearInterval(ticker);
      clearTimeout(soonest);
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.closeGraceMs ?? 5_000).unref());
      await Promise.race([Promise.all([...driving.values()]), grace]);
      // What is still under way is let go: its writes fail the fence, and the next hub takes the run over.
      await Promise.all([...held.values()].map((l) => ctx.store.transaction((tx) => tx.releaseRun(l.runId, l.owner, l.fence)).catch(() => undefined)));
      held.clear();
      owner.close();
    },
  };
}
