// `hub start --retain 400d`: telemetry, wait history, survey answers and
// asset health changes older than the span are deleted (each asset's latest
// health change kept: it is the asset's counted health now), at start and
// then hourly, and each pruning that removed rows is audited. Only these: the
// audit log and incidents are never pruned. (Wait
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

export interface Pruned {
  telemetry: number;
  waitSamples: number;
  healthChanges: number;
  surveyAnswers: number;
}

const total = (p: Pruned) => p.telemetry + p.waitSamples + p.healthChanges + p.surveyAnswers;

export async function pruneOnce(ctx: TransactDeps, retainMs: number): Promise<Pruned> {
  const cutoff = new Date(ctx.now().getTime() - retainMs);
  return transact(ctx, async (tx) => {
    const pruned = { ...(await tx.pruneTelemetry(cutoff.toISOString(), Math.floor(cutoff.getTime() / MINUTE_MS))), ...(await tx.pruneKpiHistory(cutoff.toISOString())) };
    if (total(pruned) > 0) {
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
      (p) =>
        total(p) > 0 &&
        ctx.log(
          `retention: removed ${p.telemetry} telemetry reports, ${p.waitSamples} wait samples, ${p.healthChanges} health changes and ${p.surveyAnswers} survey answers older than ${retainMs / 86_400_000}d`,
        ),
      (e: unknown) => ctx.log(`retention failed: ${String(e)}`),
    );
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
