// Alertmanager webhook → incidents, in the transaction of the journal's
// applier (alert-journal.ts), which takes many requests at once. A firing
// alert opens an incident or updates the open one with its fingerprint; a
// resolved alert closes an incident nobody has taken on yet (the
// alert-cleared way of decideResolve), and only leaves a note on one an
// officer is working. Grouping is a step of the apply, in the same
// transaction: a new alert's incident may go under the incident of its cause
// (alert-grouping.ts), an alert that keeps flapping stays one open incident
// (alert-flapping.ts), and parents are settled once at the end (incident-children.ts).
import type { AlertmanagerIngestResult } from '../../core/model.js';
import type { Incident } from '../../core/model.js';
import { SYSTEM, type Caller } from '../caller.js';
import type { StoreWriter } from '../store/store.js';
import type { GroupingKind } from '../metrics.js';
import type { Emit } from '../transact.js';
import { isFlapping, readFlap, recordTransition, type FlapHistory } from './alert-flapping.js';
import { adoptAlertingDependents, DEFAULT_GROUPING_RULES, groupKeyOf, placeNewAlert, suspectedParentOf, type GroupingRules } from './alert-grouping.js';
import { settleParent } from './incident-children.js';
import type { IntakeStep } from './intake-step.js';
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

/** One alert's step: the transaction's, with the places and grouping rules of this batch. */
interface Step extends IntakeStep {
  places: AlertPlaces;
  rules: GroupingRules;
}

async function lastTimelineKind(tx: StoreWriter, incidentId: string): Promise<string | undefined> {
  return (await tx.listTimeline(incidentId)).at(-1)?.kind;
}

/** The alert's transitions so far, when it comes back after its incident closed by itself (flapping carries over). */
async function carriedFlap(s: Step, alert: MappedAlert): Promise<FlapHistory | undefined> {
  const latest = await s.tx.latestByFingerprint(alert.fingerprint);
  if (!latest || latest.incident.state !== 'resolved' || latest.incident.resolvedBy?.id !== SYSTEM.actor.id) return undefined;
  return readFlap(latest.flap) ?? { times: [latest.incident.createdAt, latest.incident.resolvedAt ?? s.at], last: 'resolved' };
}

async function onNewAlert(s: Step, alert: MappedAlert): Promise<Outcome> {
  const flap = recordTransition(await carriedFlap(s, alert), 'firing', s.at, s.rules.flap);
  const flapping = isFlapping(flap, s.at, s.rules.flap);
  const suspected = await suspectedParentOf(s, alert.assetId);
  if (suspected) {
    // The suspected cause's own alert: it confirms the parent, which dedups the alert from now on.
    await storeIncidentChange(s.tx, s.emit, s.caller, suspected, {
      incident: { ...suspected, fingerprint: alert.fingerprint, title: alert.title, labels: alert.labels, grouping: null, severity: moreSevere(alert.severity, suspected.severity) ? alert.severity : suspected.severity },
      timeline: { kind: 'alert-updated', text: `the suspected cause's own alert is firing: ${alert.description}`, as: SYSTEM },
      audit: { action: 'incident.alert-update', detail: { fingerprint: alert.fingerprint, confirmed: true } },
    }, s.at);
    return { kind: 'updated', incidentId: suspected.id };
  }
  const groupKey = groupKeyOf(alert, s.places.mapping);
  const placement = flapping ? undefined : await placeNewAlert(s, s.places, s.rules, alert, groupKey);
  // A drill's fault opens a drill's incident (playbooks/drill-marks.ts).
  const drillRunId = alert.assetId ? ((await s.tx.drillRunOnAsset(alert.assetId, s.at)) ?? null) : null;
  const created = await storeNewIncident(
    s.tx,
    s.emit,
    s.caller,
    {
      ...draftIncident({ ...alert, source: 'alertmanager', at: s.at }),
      drillRunId,
      parentId: placement?.parentId ?? null,
      grouping: placement?.grouping ?? null,
      flapping,
      groupKey,
      flap: JSON.stringify(flap),
    },
    { kind: 'triggered', text: `alert firing: ${alert.description}${placement ? ` (grouped under ${placement.parentId})` : ''}`, as: SYSTEM },
    { action: 'incident.create', detail: { source: 'alertmanager', fingerprint: alert.fingerprint, severity: alert.severity, ...(drillRunId ? { drill: true, drillRunId } : {}), ...(placement ?? {}), ...(flapping ? { flapping } : {}) } },
    s.deps.playbooks,
  );
  if (placement) {
    s.grouped(placement.grouping, 1);
    s.touchParent(placement.parentId);
  } else if (!flapping) await adoptAlertingDependents(s, s.places, s.rules, created);
  if (flapping) s.grouped('flapping', 1);
  return { kind: 'created', incidentId: created.id };
}

async function onFiring(s: Step, alert: MappedAlert, open: Incident | undefined): Promise<Outcome> {
  if (!open) return onNewAlert(s, alert);
  // Alerts only raise severity: a lower one must not undo an escalation.
  const raised = moreSevere(alert.severity, open.severity);
  const refiring = (await lastTimelineKind(s.tx, open.id)) === 'alert-resolved';
  if (refiring) await s.tx.setFlap(open.id, JSON.stringify(recordTransition(readFlap(await s.tx.flapOf(open.id)), 'firing', s.at, s.rules.flap)));
  if (raised || refiring) {
    const text = raised ? `alert severity rose from ${open.severity} to ${alert.severity}` : 'alert firing again';
    await storeIncidentChange(s.tx, s.emit, s.caller, open, {
      incident: { ...open, severity: raised ? alert.severity : open.severity },
      timeline: { kind: 'alert-updated', text, as: SYSTEM },
      audit: { action: 'incident.alert-update', detail: { fingerprint: alert.fingerprint, from: open.severity, to: alert.severity } },
    }, s.at);
    if (open.parentId) s.touchParent(open.parentId);
  }
  return { kind: 'updated', incidentId: open.id };
}

async function onResolved(s: Step, alert: MappedAlert, open: Incident | undefined): Promise<Outcome> {
  if (!open) return IGNORED;
  const before = readFlap(await s.tx.flapOf(open.id)) ?? { times: [open.createdAt], last: 'firing' as const };
  const flap = recordTransition(before, 'resolved', s.at, s.rules.flap);
  if (flap !== before) await s.tx.setFlap(open.id, JSON.stringify(flap));
  const flapping = isFlapping(flap, s.at, s.rules.flap);
  const resolution: Resolution = { way: 'alert-cleared', fingerprint: alert.fingerprint };
  if (!flapping && !resolutionRefusal(open, s.caller, resolution)) {
    await storeIncidentChange(s.tx, s.emit, s.caller, open, decideResolve(open, s.caller, resolution, s.at), s.at, { childrenLater: true });
    if (open.parentId) s.touchParent(open.parentId);
    if (open.childCount) s.touchParent(open.id);
    return { kind: 'resolved', incidentId: open.id };
  }
  // Flapping, or someone owns it: tell them, once, and leave the decision to them.
  if ((await lastTimelineKind(s.tx, open.id)) === 'alert-resolved' && (open.flapping || !flapping)) return IGNORED;
  const text = flapping
    ? `alert flapping (${flap.times.length} changes within ${Math.round(s.rules.flap.windowMs / 60_000)} min): it stays open until the alert settles`
    : `alert resolved at the source; still ${open.state}, resolve it when confirmed`;
  await storeIncidentChange(s.tx, s.emit, s.caller, open, {
    incident: { ...open, flapping: open.flapping || flapping },
    timeline: { kind: 'alert-resolved', text, as: SYSTEM },
    audit: { action: 'incident.alert-resolved', detail: { fingerprint: alert.fingerprint, ...(flapping ? { flapping } : {}) } },
  }, s.at);
  if (flapping && !open.flapping) s.grouped('flapping', 1);
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

/** What applying a batch of deliveries did: each one's result, in order, and the alerts grouped by kind (for /metrics, after commit). */
export interface AppliedDeliveries {
  results: AlertmanagerIngestResult[];
  grouped: Map<GroupingKind, number>;
}

/**
 * Several requests' alerts in the caller's transaction (the journal's
 * applier gives it many journal entries at once): map each alert onto the
 * inventory (places: what alert-places.ts compiled for this revision), then
 * dedupe and apply them in arrival order — so a later request sees what an
 * earlier one in the same commit opened. Events go out after the caller's
 * commit (transact). Each request gets its own result, as if it had been alone.
 * `stop`, asked before each request after the first, ends the batch there:
 * results holds one per request applied, the first ones.
 */
export async function applyAlertDeliveries(
  deps: IncidentDeps,
  tx: StoreWriter,
  emit: Emit,
  places: (tx: StoreWriter) => Promise<AlertPlaces>,
  deliveries: readonly AlertDelivery[],
  rules: GroupingRules = DEFAULT_GROUPING_RULES,
  stop: () => boolean = () => false,
): Promise<AppliedDeliveries> {
  const batch = await places(tx);
  const at = deps.now().toISOString();
  const silences = await currentSilences(deps.store, tx, at);
  const results: AlertmanagerIngestResult[] = [];
  const parents = new Map<string, Caller>();
  const grouped = new Map<GroupingKind, number>();
  for (const { caller, webhook } of deliveries) {
    if (results.length > 0 && stop()) break;
    const mapped = webhook.alerts.map((raw) => mapAlert(raw, batch.inventory, batch.mapping));
    results.push(await applyDelivery({
      deps, tx, emit, caller, at, places: batch, rules,
      grouped: (kind, n) => grouped.set(kind, (grouped.get(kind) ?? 0) + n),
      touchParent: (id) => parents.set(id, caller),
    }, mapped, silences));
  }
  // Last, so children resolved anywhere in this commit are counted before their parent lets go of the rest.
  for (const [id, caller] of parents) {
    await settleParent({ deps, tx, emit, caller, at, grouped: () => {}, touchParent: () => {} }, id);
  }
  return { results, grouped };
}
