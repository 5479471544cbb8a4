// Alertmanager webhook → incidents. One transaction per group of webhooks
// (intake-queue.ts gathers them). A firing
// alert opens an incident or updates the open one with its fingerprint; a
// resolved alert closes an incident nobody has taken on yet (the
// alert-cleared way of decideResolve), and only leaves a note on one an
// officer is working.
import type { AlertmanagerIngestResult } from '../../core/model.js';
import type { Incident } from '../../core/model.js';
import { SYSTEM, type Caller } from '../caller.js';
import type { StoreWriter } from '../store/store.js';
import { transact, type Emit } from '../transact.js';
import type { AlertmanagerWebhook } from './alertmanager-webhook.js';
import { mapAlert, type MappedAlert } from './alert-mapping.js';
import type { AlertPlaces } from './alert-places.js';
import { draftIncident } from './draft.js';
import type { IncidentDeps } from './incident-actions.js';
import { decideResolve, resolutionRefusal, type Resolution } from './decisions.js';
import { storeIncidentChange, storeNewIncident } from './incident-writes.js';
import { moreSevere } from './state-machine.js';
import { currentSilences, silencedAlert } from '../silences/silenced-intake.js';
import type { CompiledSilences } from '../silences/silence-matcher.js';

type Outcome = { kind: 'created' | 'updated' | 'resolved'; incidentId: string } | { kind: 'ignored' };
const IGNORED: Outcome = { kind: 'ignored' };

interface Step {
  deps: IncidentDeps;
  tx: StoreWriter;
  emit: Emit;
  caller: Caller;
  at: string;
}

async function lastTimelineKind(tx: StoreWriter, incidentId: string): Promise<string | undefined> {
  return (await tx.listTimeline(incidentId)).at(-1)?.kind;
}

async function onFiring(s: Step, alert: MappedAlert, open: Incident | undefined): Promise<Outcome> {
  if (!open) {
    // A drill's fault opens a drill's incident (playbooks/drill-marks.ts).
    const drillRunId = alert.assetId ? ((await s.tx.drillRunOnAsset(alert.assetId, s.at)) ?? null) : null;
    const created = await storeNewIncident(
      s.tx,
      s.emit,
      s.caller,
      { ...draftIncident({ ...alert, source: 'alertmanager', at: s.at }), drillRunId },
      { kind: 'triggered', text: `alert firing: ${alert.description}`, as: SYSTEM },
      { action: 'incident.create', detail: { source: 'alertmanager', fingerprint: alert.fingerprint, severity: alert.severity, ...(drillRunId ? { drill: true, drillRunId } : {}) } },
      s.deps.playbooks,
    );
    return { kind: 'created', incidentId: created.id };
  }
  // Alerts only raise severity: a lower one must not undo an escalation.
  const raised = moreSevere(alert.severity, open.severity);
  const refiring = (await lastTimelineKind(s.tx, open.id)) === 'alert-resolved';
  if (raised || refiring) {
    const text = raised ? `alert severity rose from ${open.severity} to ${alert.severity}` : 'alert firing again';
    await storeIncidentChange(s.tx, s.emit, s.caller, open, {
      incident: { ...open, severity: raised ? alert.severity : open.severity },
      timeline: { kind: 'alert-updated', text, as: SYSTEM },
      audit: { action: 'incident.alert-update', detail: { fingerprint: alert.fingerprint, from: open.severity, to: alert.severity } },
    }, s.at);
  }
  return { kind: 'updated', incidentId: open.id };
}

async function onResolved(s: Step, alert: MappedAlert, open: Incident | undefined): Promise<Outcome> {
  if (!open) return IGNORED;
  const resolution: Resolution = { way: 'alert-cleared', fingerprint: alert.fingerprint };
  if (!resolutionRefusal(open, s.caller, resolution)) {
    await storeIncidentChange(s.tx, s.emit, s.caller, open, decideResolve(open, s.caller, resolution, s.at), s.at);
    return { kind: 'resolved', incidentId: open.id };
  }
  // Someone owns it: tell them, once, and leave the decision to them.
  if ((await lastTimelineKind(s.tx, open.id)) === 'alert-resolved') return IGNORED;
  await storeIncidentChange(s.tx, s.emit, s.caller, open, {
    incident: open,
    timeline: { kind: 'alert-resolved', text: `alert resolved at the source; still ${open.state}, resolve it when confirmed`, as: SYSTEM },
    audit: { action: 'incident.alert-resolved', detail: { fingerprint: alert.fingerprint } },
  }, s.at);
  return { kind: 'updated', incidentId: open.id };
}

/** One request's alerts, and who sent them. */
export interface AlertDelivery {
  caller: Caller;
  webhook: AlertmanagerWebhook;
}

async function applyDelivery(s: Step, alerts: readonly MappedAlert[], silences: CompiledSilences): Promise<AlertmanagerIngestResult> {
  const result: AlertmanagerIngestResult = { created: [], updated: [], resolved: [], ignored: 0, silenced: 0 };
  for (const alert of alerts) {
    const open = await s.tx.findOpenIncidentByFingerprint(alert.fingerprint);
    // A silenced alert is recorded, and opens and pages nothing (silences/silenced-intake.ts).
    if (await silencedAlert(s.tx, silences, alert, open, s.at)) {
      result.silenced!++;
      continue;
    }
    const outcome = alert.status === 'firing' ? await onFiring(s, alert, open) : await onResolved(s, alert, open);
    if (outcome.kind === 'ignored') result.ignored++;
    else if (!result[outcome.kind].includes(outcome.incidentId)) result[outcome.kind].push(outcome.incidentId);
  }
  return result;
}

/**
 * The intake's pipeline for several requests in one transaction: map each
 * alert onto the inventory (places: what alert-places.ts compiled for this
 * revision), then dedupe and apply them in arrival order — so a later request
 * sees what an earlier one in the same commit opened — and publish after
 * commit (transact). Each request gets its own result, as if it had been alone.
 */
export async function ingestAlertDeliveries(
  deps: IncidentDeps,
  places: (tx: StoreWriter) => Promise<AlertPlaces>,
  deliveries: readonly AlertDelivery[],
): Promise<AlertmanagerIngestResult[]> {
  return transact(deps, async (tx, emit) => {
    const { inventory, mapping } = await places(tx);
    const at = deps.now().toISOString();
    const silences = await currentSilences(deps.store, tx, at);
    const results: AlertmanagerIngestResult[] = [];
    for (const { caller, webhook } of deliveries) {
      const mapped = webhook.alerts.map((raw) => mapAlert(raw, inventory, mapping));
      results.push(await applyDelivery({ deps, tx, emit, caller, at }, mapped, silences));
    }
    return results;
  });
}
