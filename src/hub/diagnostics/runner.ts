// The diagnostic runner for one asset: probe → findings → (with fix) the
// remediations in order, each verified by a fresh probe → a verdict. A fix
// counts only when the verification probe shows the device ok with nothing
// found; only then is the incident resolved. Anything else ends in a
// dispatch (with fix) or a plan (without).
import type { Asset, DiagAction, DiagVerdict, DiagVerdictEvent, Incident } from '../../core/model.js';
import { roleAtLeast } from '../../core/vocabulary.js';
import type { Caller } from '../caller.js';
import type { Remediation } from './catalog/types.js';
import type { DeviceClient, DeviceConnector } from '../../devices/device-client.js';
import { isHealthy, isMitigated, type Diagnosis } from './findings.js';
import { idempotencyKey } from './idempotency.js';
import type { SiteLimits } from './limits.js';
import { needsFieldVisit, remainingRemediations, remediationKey } from './plan.js';
import { describeProbe, probeDevice, type Emit, type ProbeResult } from './probe.js';
import type { Recorder } from './record.js';
import { isTransportError } from '../../devices/errors.js';

export interface RunnerDeps {
  connect: DeviceConnector;
  limits: SiteLimits;
  now: () => Date;
  /** A retry after no answer, and a re-probe while a device comes back, wait this long (× attempt). Default 250 ms. */
  retryDelayMs?: number;
}

export interface AssetRun {
  asset: Asset;
  /** The open incident the run reports to, if any. */
  incident: Incident | null;
  caller: Caller;
  fix: boolean;
  dryRun: boolean;
  /** Idempotency scope: the caller's requestId, else the incident id, else the run id. */
  scope: string;
  runId: string;
  recorder: Recorder;
}

// An action whose answer never came may have acted: ask again with the same key.
const ACTION_ATTEMPTS = 3;
// A device that is rebooting may not answer for a moment.
const VERIFY_ATTEMPTS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function planned(r: Remediation): DiagAction {
  return { action: r.action, params: { ...r.params }, disruptive: r.disruptive, status: 'planned', replayed: false, idempotencyKey: null, message: null, verified: null };
}

export async function runOnAsset(deps: RunnerDeps, run: AssetRun, emit: Emit): Promise<DiagVerdictEvent> {
  const { asset, recorder } = run;
  const at = () => deps.now().toISOString();
  const retryDelayMs = deps.retryDelayMs ?? 250;
  const device: DeviceClient | undefined = asset.managementUrl ? deps.connect({ ...asset, managementUrl: asset.managementUrl }) : undefined;
  const incidentId = run.incident?.id ?? null;
  const actions: DiagAction[] = [];

  const emitDiagnoses = (diagnoses: readonly Diagnosis[]) => {
    for (const d of diagnoses) emit({ type: 'finding', at: at(), assetId: asset.id, finding: d.finding });
  };
  const probe = async (): Promise<ProbeResult> => {
    const result = await probeDevice(device, asset, emit, at);
    await recorder.timeline(incidentId, 'probe', `${asset.id}: ${describeProbe(result)}`);
    return result;
  };

  const startedAt = at();
  const finish = async (verdict: DiagVerdict, diagnoses: readonly Diagnosis[], summary: string, dispatchId: string | null = null, reportedIncident = incidentId) => {
    const event: DiagVerdictEvent = {
      type: 'verdict',
      at: at(),
      assetId: asset.id,
      siteId: asset.siteId,
      kind: asset.kind,
      verdict,
      summary,
      incidentId: reportedIncident,
      dispatchId,
      findings: diagnoses.map((d) => d.finding),
      actions,
    };
    if (reportedIncident || actions.some((a) => a.status !== 'planned') || dispatchId) {
      await recorder.run({
        id: run.runId,
        incidentId: reportedIncident,
        siteId: asset.siteId,
        assetId: asset.id,
        actor: { id: run.caller.actor.id, name: run.caller.actor.name },
        channel: run.caller.channel,
        fix: run.fix,
        verdict,
        findings: event.findings,
        actions,
        startedAt,
        finishedAt: event.at,
      });
    }
    emit(event);
    return event;
  };

  const dispatch = async (diagnoses: readonly Diagnosis[]) => {
    const work = await recorder.dispatch(run.incident, asset, diagnoses, actions);
    const needs = needsFieldVisit(diagnoses).map((d) => d.finding.text);
    const why = needs.length ? needs.join('; ') : 'no remote remediation cleared the fault';
    return finish('dispatched', diagnoses, `dispatched ${work.id}: ${why}`, work.id, work.incidentId);
  };

  let result = await probe();
  emitDiagnoses(result.diagnoses);
  const acting = run.fix && !run.dryRun;

  if (!result.ok) {
    if (acting) return dispatch(result.diagnoses);
    return finish('unreachable', result.diagnoses, result.diagnoses.map((d) => d.finding.text).join('; '));
  }
  if (isHealthy(result.health, result.diagnoses)) {
    if (acting && incidentId) await recorder.resolve(incidentId, `${asset.id} probed healthy; nothing to fix`);
    return finish('healthy', [], 'healthy: every check passes');
  }
  if (isMitigated(result.diagnoses)) {
    await recorder.timeline(incidentId, 'note', `${asset.id}: mitigated — ${result.diagnoses.map((d) => d.finding.text).join('; ')}`);
    return finish('mitigated', result.diagnoses, `mitigated: ${result.diagnoses.map((d) => d.finding.text).join('; ')}`);
  }
  if (!acting) {
    const plan = remainingRemediations(result.diagnoses, new Set());
    actions.push(...plan.map(planned));
    for (const a of actions) emit({ type: 'action', at: at(), assetId: asset.id, action: a });
    const field = needsFieldVisit(result.diagnoses);
    const summary = field.length
      ? `would dispatch: ${field.map((d) => d.finding.text).join('; ')}`
      : `would try ${plan.map((r) => r.action).join(', then ')}${plan.length ? ', then dispatch if unverified' : '; nothing remote left: dispatch'}`;
    return finish('planned', result.diagnoses, summary);
  }

  const tried = new Set<string>();
  let diagnoses = result.diagnoses;
  for (;;) {
    const [next] = remainingRemediations(diagnoses, tried);
    if (!next) return dispatch(diagnoses);
    tried.add(remediationKey(next));
    if (!roleAtLeast(run.caller.actor.role, next.minRole)) {
      const refused: DiagAction = { ...planned(next), status: 'forbidden', message: `${next.action} needs the ${next.minRole} role; ${run.caller.actor.name} is ${run.caller.actor.role}` };
      actions.push(refused);
      emit({ type: 'action', at: at(), assetId: asset.id, action: refused });
      await recorder.timeline(incidentId, 'note', `${asset.id}: ${refused.message}; left for an officer`);
      return finish('planned', diagnoses, `${next.action} needs the ${next.minRole} role; ask an officer to run the fix`);
    }
    if (next.disruptive) await deps.limits.disruptiveSlot(asset.siteId ?? asset.id);
    const action = await act(device!, next, run, actions.filter((a) => a.action === next.action).length + 1, retryDelayMs);
    actions.push(action);
    emit({ type: 'action', at: at(), assetId: asset.id, action });
    await recorder.action(incidentId, asset, action);
    if (action.status === 'not_applicable') continue;

    result = await reprobe(probe, retryDelayMs);
    const passed = result.ok && isHealthy(result.health, result.diagnoses);
    action.verified = passed;
    emit({
      type: 'verify',
      at: at(),
      assetId: asset.id,
      action: next.action,
      passed,
      status: result.ok ? result.health.status : null,
      remaining: result.diagnoses.map((d) => d.finding.code),
    });
    diagnoses = result.diagnoses;
    if (!result.ok) return dispatch(diagnoses);
    if (passed) {
      const summary = `fixed remotely by ${next.action}; verified: health ok, nothing found`;
      if (incidentId) await recorder.resolve(incidentId, summary);
      return finish('fixed', [], summary);
    }
    if (isMitigated(diagnoses)) {
      const summary = `mitigated by ${next.action}: ${diagnoses.map((d) => d.finding.text).join('; ')}`;
      await recorder.timeline(incidentId, 'note', `${asset.id}: ${summary}`);
      return finish('mitigated', diagnoses, summary);
    }
    emitDiagnoses(diagnoses);
  }
}

function act(device: DeviceClient, r: Remediation, run: AssetRun, attempt: number, retryDelayMs: number): Promise<DiagAction> {
  const key = idempotencyKey({ scope: run.scope, assetId: run.asset.id, action: remediationKey(r), attempt });
  return sendAction(device, r, key, retryDelayMs);
}

/** One action with its key; asked again with the same key when no answer came, so the device acts at most once. */
export async function sendAction(device: DeviceClient, r: Remediation, key: string, retryDelayMs: number): Promise<DiagAction> {
  const base = { action: r.action, params: { ...r.params }, disruptive: r.disruptive, idempotencyKey: key, verified: null };
  for (let i = 1; ; i++) {
    try {
      const outcome = await device.action(r.action, { idempotencyKey: key, params: r.params });
      return { ...base, status: outcome.status, replayed: outcome.replayed, message: outcome.message ?? null };
    } catch (e) {
      if (!isTransportError(e)) throw e;
      const noAnswer = e.code === 'unreachable' || e.code === 'timeout';
      if (noAnswer && i < ACTION_ATTEMPTS) {
        await sleep(retryDelayMs * i);
        continue;
      }
      return { ...base, status: 'error', replayed: false, message: `${e.code}: ${e.message}` };
    }
  }
}

async function reprobe(probe: () => Promise<ProbeResult>, retryDelayMs: number): Promise<ProbeResult> {
  for (let i = 1; ; i++) {
    const result = await probe();
    const unreachable = !result.ok && (result.code === 'unreachable' || result.code === 'timeout');
    if (!unreachable || i >= VERIFY_ATTEMPTS) return result;
    await sleep(retryDelayMs * i);
  }
}
