// `hub start --retain 400d`: telemetry and wait history older than the span
// are deleted, at start and then hourly, and each pruning that removed rows is
// audited. Only these: the audit log and incidents are never pruned. (Wait
// history is also capped at a day as it is written; the span bounds it should
// that cap grow, and removes the latest report of a site that stopped reporting.)
import { SYSTEM, refOf } from '../caller.js';
import type { HubContext } from '../context.js';
import { transact, type TransactDeps } from '../transact.js';

const EVERY_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface Retention {
  stop(): void;
}

export async function pruneOnce(ctx: TransactDeps, retainMs: number): Promise<{ telemetry: number; waitSamples: number }> {
  const cutoff = new Date(ctx.now().getTime() - retainMs);
  return transact(ctx, async (tx) => {
    const pruned = await tx.pruneTelemetry(cutoff.toISOString(), Math.floor(cutoff.getTime() / MINUTE_MS));
    if (pruned.telemetry + pruned.waitSamples > 0) {
      await tx.appendAudit({
        at: ctx.now().toISOString(),
        actor: refOf(SYSTEM.actor),
        channel: SYSTEM.channel,
        action: 'retention.pruned',
        target: null,
        detail: { before: cutoff.toISOString(), ...pruned },
      });
    }
    return pruned;
  });
}

export function startRetention(ctx: HubContext, retainMs: number): Retention {
  const run = () =>
    pruneOnce(ctx, retainMs).then(
      (p) => p.telemetry + p.waitSamples > 0 && ctx.log(`retention: removed ${p.telemetry} telemetry reports and ${p.waitSamples} wait samples older than ${retainMs / 86_400_000}d`),
      (e: unknown) => ctx.log(`retention failed: ${String(e)}`),
    );
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
