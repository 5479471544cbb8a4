// One incident per cause: where a new alert's incident goes. Under an open
// incident of something its asset depends on (the cause's own alert, or a
// parent the hub opened as the suspected cause); else, when other assets that
// share a dependency with it alerted within the cause window, under a new
// "suspected cause" parent for the dependency they share (the most of them,
// then the narrowest); else, when the same alert (its labels less its place)
// fired at enough sites within the time window, under one parent for the
// shared cause. A child is counted on its parent and paged through it only.
import { canonicalJson } from '../audit/canonical-json.js';
import type { AlertLabelMapping, Incident, Severity } from '../../core/model.js';
import { SYSTEM } from '../caller.js';
import type { AlertPlaces } from './alert-places.js';
import type { MappedAlert } from './alert-mapping.js';
import type { FlapRules } from './alert-flapping.js';
import { draftIncident } from './draft.js';
import { storeIncidentChange, storeNewIncident } from './incident-writes.js';
import type { IntakeStep } from './intake-step.js';
import { moreSevere } from './state-machine.js';

export interface GroupingRules {
  /** Alerts of dependents of one asset within this long of each other suspect it. */
  causeWindowMs: number;
  /** The same alert at `windowSites` sites or more within `windowMs` is one shared cause. */
  windowMs: number;
  windowSites: number;
  flap: FlapRules;
}

export const DEFAULT_GROUPING_RULES: GroupingRules = {
  causeWindowMs: 60_000,
  windowMs: 60_000,
  windowSites: 3,
  flap: { transitions: 4, windowMs: 10 * 60_000 },
};

export interface Placement {
  parentId: string;
  grouping: 'cause' | 'window';
}

// Labels that name where an alert is rather than what it is, beside the ones the label mapping reads.
const PLACE_LABELS = ['site', 'asset', 'instance', 'host', 'hostname', 'device', 'node'];

/** The alert's labels without its place: equal for the same failure at two sites. Null for an alert placed at no site. */
export function groupKeyOf(alert: MappedAlert, mapping: AlertLabelMapping): string | null {
  if (!alert.siteId) return null;
  const place = new Set([...PLACE_LABELS, ...mapping.site.map((r) => r.label), ...mapping.asset.map((r) => r.label)]);
  return canonicalJson(Object.fromEntries(Object.entries(alert.labels).filter(([k]) => !place.has(k))));
}

const sinceOf = (at: string, ms: number) => new Date(Date.parse(at) - ms).toISOString();
const worst = (severities: Severity[]) => severities.reduce((a, b) => (moreSevere(b, a) ? b : a));

async function openParent(s: IntakeStep, draft: { title: string; severity: Severity; siteId: string | null; assetId: string | null; groupKey: string | null; grouping: 'cause' | 'window' }, adopt: Incident[]): Promise<Placement> {
  const parent = await storeNewIncident(
    s.tx,
    s.emit,
    s.caller,
    { ...draftIncident({ ...draft, source: 'alertmanager', fingerprint: null, labels: {}, at: s.at }), grouping: draft.grouping, groupKey: draft.groupKey },
    { kind: 'triggered', text: `opened by the hub as the ${draft.grouping === 'cause' ? 'suspected cause' : 'shared cause'} of alerts grouped under it`, as: SYSTEM },
    { action: 'incident.create', detail: { source: 'grouping', grouping: draft.grouping } },
    s.deps.playbooks,
  );
  for (const child of adopt) await attach(s, child, parent.id, draft.grouping);
  s.grouped(draft.grouping, adopt.length);
  s.touchParent(parent.id);
  return { parentId: parent.id, grouping: draft.grouping };
}

/** Puts an incident already open under `parentId`. */
export async function attach(s: IntakeStep, child: Incident, parentId: string, grouping: 'cause' | 'window'): Promise<void> {
  await storeIncidentChange(s.tx, s.emit, s.caller, child, {
    incident: { ...child, parentId, grouping },
    timeline: { kind: 'alert-updated', text: `grouped under ${parentId} (${grouping === 'cause' ? 'a failing dependency' : 'the same alert at many sites'})`, as: SYSTEM },
    audit: { action: 'incident.group', detail: { parentId, grouping } },
  }, s.at);
}

async function byCause(s: IntakeStep, places: AlertPlaces, rules: GroupingRules, alert: MappedAlert): Promise<Placement | undefined> {
  if (!alert.assetId) return undefined;
  const causes = places.dependencies.causesOf(alert.assetId);
  if (causes.length === 0) return undefined;
  // Nearest cause first, one row each: reading every open incident on every cause cost a storm more than the rest of its apply.
  for (const cause of causes) {
    const nearest = await s.tx.firstOpenOnAsset(cause);
    if (nearest) return { parentId: nearest.parentId ?? nearest.id, grouping: 'cause' };
  }
  const since = sinceOf(s.at, rules.causeWindowMs);
  // Counted first (no rows read), so a storm of hundreds of dependents stays a few index lookups per alert.
  let best: { cause: string; dependents: string[]; count: number } | undefined;
  for (const cause of causes) {
    const dependents = places.dependencies.dependentsOf(cause).filter((d) => d.toLowerCase() !== alert.assetId!.toLowerCase());
    const count = await s.tx.countOpenOnAssets(dependents, since);
    if (count === 0) continue;
    if (!best || count > best.count || (count === best.count && dependents.length < best.dependents.length)) best = { cause, dependents, count };
  }
  if (!best) return undefined;
  const siblings = await s.tx.openIncidentsOnAssets(best.dependents, since);
  const slash = best.cause.indexOf('/');
  const siteId = slash > 0 ? (places.inventory.siteId(best.cause.slice(0, slash)) ?? null) : null;
  return openParent(s, {
    title: `Suspected cause: ${best.cause} (its dependents are alerting)`,
    severity: worst([alert.severity, ...siblings.map((i) => i.severity)]),
    siteId,
    assetId: best.cause,
    groupKey: null,
    grouping: 'cause',
  }, siblings.filter((i) => !i.parentId && !i.childCount));
}

async function byWindow(s: IntakeStep, rules: GroupingRules, alert: MappedAlert, groupKey: string | null): Promise<Placement | undefined> {
  if (!groupKey) return undefined;
  const parent = await s.tx.openWindowParent(groupKey);
  if (parent) return { parentId: parent.id, grouping: 'window' };
  const since = sinceOf(s.at, rules.windowMs);
  const sites = new Set([...(await s.tx.windowSites(groupKey, since)), alert.siteId].map((id) => id?.toUpperCase()));
  if (sites.size < rules.windowSites) return undefined;
  const recent = await s.tx.openRootsByGroupKey(groupKey, since);
  return openParent(s, {
    title: `${alert.labels.alertname?.trim() || 'Alert'} at many sites at once`,
    severity: worst([alert.severity, ...recent.map((i) => i.severity)]),
    siteId: null,
    assetId: null,
    groupKey,
    grouping: 'window',
  }, recent.filter((i) => !i.childCount));
}

/** Where a new alert incident goes: under a parent (opened now if need be), or undefined: on its own. */
export async function placeNewAlert(s: IntakeStep, places: AlertPlaces, rules: GroupingRules, alert: MappedAlert, groupKey: string | null): Promise<Placement | undefined> {
  return (await byCause(s, places, rules, alert)) ?? (await byWindow(s, rules, alert, groupKey));
}

/**
 * The cause's own alert came after one of its dependents' and before a second made a suspected cause of it
 * (a land port's link alerting just after the first gate behind it): that dependent, open on its own within
 * the cause window, goes under the cause's new incident, as the second dependent would have put it.
 */
export async function adoptAlertingDependents(s: IntakeStep, places: AlertPlaces, rules: GroupingRules, cause: Incident): Promise<void> {
  if (!cause.assetId) return;
  const dependents = places.dependencies.dependentsOf(cause.assetId);
  if (dependents.length === 0) return;
  const open = await s.tx.openIncidentsOnAssets(dependents, sinceOf(s.at, rules.causeWindowMs));
  const orphans = open.filter((i) => i.id !== cause.id && !i.parentId && !i.childCount && (i.drillRunId ?? null) === (cause.drillRunId ?? null));
  if (orphans.length === 0) return;
  for (const child of orphans) await attach(s, child, cause.id, 'cause');
  s.grouped('cause', orphans.length);
  s.touchParent(cause.id);
}

/** An open parent the hub opened for `assetId` as a suspected cause, which that asset's own alert now confirms. */
export async function suspectedParentOf(s: IntakeStep, assetId: string | null): Promise<Incident | undefined> {
  if (!assetId) return undefined;
  return s.tx.suspectedCauseOn(assetId);
}
