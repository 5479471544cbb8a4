// inject: a drill's fault, put on a device of the demo world through the
// world itself (the hub holds no control token). Its effect is "none" of the
// kinds the runner can redo safely: the emulator's control takes no
// idempotency key, and a fault injected twice (after the first was fixed)
// is a second fault in the drill. So an inject a crash left started pauses
// the run for a person to look (`sim faults`) and retry or resume past it.
// A run that is not a drill skips it: built-in playbooks carry their drills'
// injects, and a real crisis must never inject anything.
import type { PlaybookStep } from '../../../core/model.js';
import { realMs } from '../drill-clock.js';
import { markDrillAsset } from '../drill-marks.js';
import { fill } from '../interpolate.js';
import { silenceDrillAsset } from '../../silences/drill-silences.js';
import { failedWith, type StepExecutor } from './step-executor.js';

type Inject = Extract<PlaybookStep, { type: 'inject' }>;

export const DRILL_ONLY = 'drill only: a run that is not a drill skips inject steps';

export const injectStep: StepExecutor<Inject> = {
  effect: 'none',
  keyed: false,
  describe: (step, scope) => `inject ${step.fault} into ${fill(step.asset, scope)}`,
  async run(step, sc) {
    if (!sc.run.drill) return { status: 'skipped', reason: DRILL_ONLY };
    const faults = sc.env.ctx.faults;
    if (!faults) return { status: 'failed', error: 'this hub has no demo world to inject faults into (drills run on `hub start --demo`)' };
    try {
      const assetId = fill(step.asset, sc.scope);
      // Marked first, so an incident the fault opens is known as the drill's however soon its alert comes.
      await markDrillAsset(sc.env.ctx, { runId: sc.run.id, stepId: step.id, attempt: sc.attempt.number, assetId });
      const forMs = step.for === undefined ? undefined : realMs(sc.run, step.for);
      if (step.silence) await silenceDrillAsset(sc.env.ctx, sc.run, step, assetId, forMs);
      const injected = await faults.inject(assetId, step.fault, forMs === undefined ? {} : { forMs });
      return { status: 'done', output: { faultId: injected.id, assetId: injected.assetId, fault: injected.fault, ...(step.for ? { for: step.for } : {}) } };
    } catch (e) {
      return failedWith(e);
    }
  },
};
