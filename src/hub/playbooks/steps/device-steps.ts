// The steps that reach devices through the diagnostics: remediate (one named
// action, with the attempt's idempotency key, so a re-run after a crash is
// replayed by the device) and diagnose (probes only: it reads, and records
// what it saw in the store).
import { UsageError } from '../../../core/errors.js';
import type { Asset, PlaybookStep } from '../../../core/model.js';
import { resolveTarget } from '../../diagnostics/targets.js';
import { fill, fillDeep } from '../interpolate.js';
import { failedWith, type StepContext, type StepExecutor } from './step-executor.js';

type Remediate = Extract<PlaybookStep, { type: 'remediate' }>;
type Diagnose = Extract<PlaybookStep, { type: 'diagnose' }>;

/** The one device a remediate step acts on: an asset, or an incident's asset. */
async function deviceOf(sc: StepContext, target: string): Promise<Asset> {
  const { store } = sc.env.ctx;
  if (/^INC-\d+$/i.test(target)) {
    const incident = await store.getIncident(target);
    const asset = incident?.assetId ? await store.getAsset(incident.assetId) : undefined;
    if (!asset) throw new UsageError(`${target} names no device the hub knows`);
    return asset;
  }
  const asset = await store.getAsset(target);
  if (!asset) throw new UsageError(`no asset ${target}`);
  return asset;
}

export const remediateStep: StepExecutor<Remediate> = {
  effect: 'device',
  keyed: true,
  describe: (step, scope) =>
    `${step.action}${step.params ? ` ${JSON.stringify(fillDeep(step.params, scope))}` : ''} on ${fill(step.target, scope)}`,
  async run(step, sc) {
    const diagnostics = sc.env.ctx.diagnostics;
    if (!diagnostics) return { status: 'failed', error: 'this hub has no diagnostics to act with' };
    try {
      const asset = await deviceOf(sc, fill(step.target, sc.scope));
      const action = await diagnostics.act(sc.caller, {
        asset,
        incidentId: sc.run.incidentId,
        action: step.action,
        params: fillDeep(step.params ?? {}, sc.scope),
        idempotencyKey: sc.attempt.idempotencyKey!,
      });
      const output = { assetId: asset.id, action: action.action, status: action.status, replayed: action.replayed, message: action.message, idempotencyKey: action.idempotencyKey };
      if (action.status === 'done' || action.status === 'not_applicable') return { status: 'done', output };
      return { status: 'failed', error: `${action.action} on ${asset.id}: ${action.status}${action.message ? ` — ${action.message}` : ''}`, output };
    } catch (e) {
      return failedWith(e);
    }
  },
};

export const diagnoseStep: StepExecutor<Diagnose> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => `probe ${fill(step.target, scope)}`,
  async run(step, sc) {
    const diagnostics = sc.env.ctx.diagnostics;
    if (!diagnostics) return { status: 'failed', error: 'this hub has no diagnostics to probe with' };
    try {
      const target = await resolveTarget(sc.env.ctx.store, fill(step.target, sc.scope));
      const verdicts = await diagnostics.run(sc.caller, target, { fix: false, dryRun: false }, () => {});
      return { status: 'done', output: { target: target.label, verdicts: verdicts.map((v) => ({ assetId: v.assetId, verdict: v.verdict, summary: v.summary })) } };
    } catch (e) {
      return failedWith(e);
    }
  },
};
