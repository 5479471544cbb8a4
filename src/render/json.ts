// The --json contract (docs/json.md): each shape is an explicit list of
// fields, so a field added to the hub's model appears in our output only when
// we decide to publish it. Only ever extend these lists.
import type {
  Asset,
  DiagAction,
  DiagEvent,
  Dispatch,
  Finding,
  RemoteKpi,
  KpiReport,
  SweepResult,
  SweepSummary,
  AuditCheckpoint,
  AuditCheckpointFailure,
  AuditEntry,
  AuditVerification,
  FleetStatus,
  ForecastHour,
  Incident,
  IncidentDetail,
  PlatformStatus,
  Site,
  SiteDetail,
  SiteForecast,
  SiteStatus,
  TimelineEntry,
  TokenInfo,
} from '../core/model.js';
import { pick } from './pick.js';
import { kpiReportJson } from './kpi-json.js';
import { proposalJson } from './playbook-json.js';

export { pick };

export const SITE_FIELDS = [
  'id', 'name', 'kind', 'region', 'city', 'lat', 'lon', 'neighbour', 'annualPassengers', 'staff', 'source', 'cityAr',
] as const satisfies readonly (keyof Site)[];

export const SITE_STATUS_FIELDS = [
  'id', 'name', 'kind', 'region', 'health', 'openIncidents', 'waitMinutes', 'queueLength', 'arrivalsPerHour',
  'egates', 'counters', 'staff', 'reportedAt', 'mode', 'silence', 'contactCentre',
] as const satisfies readonly (keyof SiteStatus)[];

export const PLATFORM_FIELDS = ['id', 'name', 'health'] as const satisfies readonly (keyof PlatformStatus)[];

export const ASSET_FIELDS = ['id', 'siteId', 'kind', 'name', 'health', 'managementUrl'] as const satisfies readonly (keyof Asset)[];

export const INCIDENT_FIELDS = [
  'id', 'title', 'severity', 'state', 'siteId', 'assetId', 'source', 'fingerprint', 'labels', 'createdAt',
  'updatedAt', 'acknowledgedBy', 'acknowledgedAt', 'assignee', 'escalations', 'resolvedBy', 'resolvedAt',
  'summary', 'version', 'assigneeId', 'assignedBy', 'assignerAuthority', 'drillRunId',
  'parentId', 'childCount', 'grouping', 'flapping',
] as const satisfies readonly (keyof Incident)[];

export const TIMELINE_FIELDS = ['id', 'incidentId', 'at', 'kind', 'actor', 'channel', 'text'] as const satisfies readonly (keyof TimelineEntry)[];

export const TOKEN_FIELDS = ['id', 'name', 'role', 'createdAt', 'lastUsedAt', 'revokedAt', 'bot', 'expiresAt'] as const satisfies readonly (keyof TokenInfo)[];

export const AUDIT_FIELDS = [
  'seq', 'at', 'actor', 'channel', 'action', 'target', 'detail', 'prevHash', 'hash',
] as const satisfies readonly (keyof AuditEntry)[];

export const siteJson = (s: Site) => pick(s, SITE_FIELDS);
export const incidentJson = (i: Incident) => pick(i, INCIDENT_FIELDS);
export const tokenJson = (t: TokenInfo) => pick(t, TOKEN_FIELDS);
export const auditEntryJson = (e: AuditEntry) => pick(e, AUDIT_FIELDS);

export function fleetStatusJson(fleet: FleetStatus) {
  return {
    sites: fleet.sites.map((s) => pick(s, SITE_STATUS_FIELDS)),
    platforms: fleet.platforms.map((p) => pick(p, PLATFORM_FIELDS)),
    mode: fleet.mode,
    totals: fleet.totals,
    generatedAt: fleet.generatedAt,
  };
}

export function siteDetailJson(detail: SiteDetail) {
  return {
    site: siteJson(detail.site),
    status: pick(detail.status, SITE_STATUS_FIELDS),
    assets: detail.assets.map((a) => pick(a, ASSET_FIELDS)),
    incidents: detail.incidents.map(incidentJson),
  };
}

export function incidentDetailJson(detail: IncidentDetail) {
  return {
    incident: incidentJson(detail.incident),
    timeline: detail.timeline.map((t) => pick(t, TIMELINE_FIELDS)),
    playbooks: (detail.playbooks ?? []).map(proposalJson),
    children: (detail.children ?? []).map(incidentJson),
  };
}

export const AUDIT_CHECKPOINT_FIELDS = [
  'seq', 'hash', 'at', 'reason', 'keyFingerprint', 'publicKey', 'signature',
] as const satisfies readonly (keyof AuditCheckpoint)[];

export const AUDIT_CHECKPOINT_FAILURE_FIELDS = [
  'seq', 'at', 'reason', 'source', 'index', 'file', 'line',
] as const satisfies readonly (keyof AuditCheckpointFailure)[];

export const auditCheckpointJson = (c: AuditCheckpoint) => pick(c, AUDIT_CHECKPOINT_FIELDS);

/** The fields about checkpoints come from hubs that sign them; an older hub's answer keeps the first three only. */
export function auditVerificationJson(v: AuditVerification) {
  return {
    ok: v.ok,
    checked: v.checked,
    firstBroken: v.firstBroken,
    ...(v.checkpoints ? { checkpoints: { checked: v.checkpoints.checked, failed: v.checkpoints.failed, latest: v.checkpoints.latest } } : {}),
    ...(v.badCheckpoint !== undefined ? { badCheckpoint: v.badCheckpoint && pick(v.badCheckpoint, AUDIT_CHECKPOINT_FAILURE_FIELDS) } : {}),
    ...(v.keyFingerprint !== undefined ? { keyFingerprint: v.keyFingerprint } : {}),
  };
}

// ---- remote diagnostics, dispatch and KPI ------------------------------------

export const FINDING_FIELDS = [
  'code', 'text', 'cause', 'check', 'detail', 'remoteFix', 'mitigated', 'partsLikely',
] as const satisfies readonly (keyof Finding)[];

export const DIAG_ACTION_FIELDS = [
  'action', 'params', 'disruptive', 'status', 'replayed', 'idempotencyKey', 'message', 'verified',
] as const satisfies readonly (keyof DiagAction)[];

export const findingJson = (f: Finding) => pick(f, FINDING_FIELDS);
export const diagActionJson = (a: DiagAction) => pick(a, DIAG_ACTION_FIELDS);

/** One event of a run's JSON Lines: each type its own field list, findings and actions nested likewise. */
export function diagEventJson(e: DiagEvent) {
  switch (e.type) {
    case 'probe':
      return pick(e, ['type', 'at', 'assetId', 'probe', 'ok', 'status', 'durationMs', 'error']);
    case 'finding':
      return { ...pick(e, ['type', 'at', 'assetId']), finding: findingJson(e.finding) };
    case 'action':
      return { ...pick(e, ['type', 'at', 'assetId']), action: diagActionJson(e.action) };
    case 'verify':
      return pick(e, ['type', 'at', 'assetId', 'action', 'passed', 'status', 'remaining']);
    case 'verdict':
      return {
        ...pick(e, ['type', 'at', 'assetId', 'siteId', 'kind', 'verdict', 'summary', 'incidentId', 'dispatchId']),
        findings: e.findings.map(findingJson),
        actions: e.actions.map(diagActionJson),
      };
    case 'error':
      return pick(e, ['type', 'at', 'assetId', 'code', 'message']);
  }
}

export function sweepResultJson(r: SweepResult) {
  return {
    ...pick(r, ['type', 'assetId', 'siteId', 'kind', 'verdict', 'incidentId', 'dispatchId']),
    findings: r.findings.map(findingJson),
    actions: r.actions.map(diagActionJson),
  };
}

export const SWEEP_SUMMARY_FIELDS = [
  'type', 'assets', 'healthy', 'fixed', 'mitigated', 'dispatched', 'unreachable', 'planned', 'wallMs',
] as const satisfies readonly (keyof SweepSummary)[];

export const sweepSummaryJson = (s: SweepSummary) => pick(s, SWEEP_SUMMARY_FIELDS);

export const DISPATCH_FIELDS = [
  'id', 'incidentId', 'siteId', 'assetId', 'partsLikely', 'priority', 'state', 'createdAt', 'createdBy', 'closedAt',
  'closedBy', 'note',
] as const satisfies readonly (keyof Dispatch)[];

export function dispatchJson(d: Dispatch) {
  return { ...pick(d, DISPATCH_FIELDS), findings: d.findings.map(findingJson), actionsTried: d.actionsTried.map(diagActionJson) };
}

export const REMOTE_KPI_FIELDS = [
  'since', 'until', 'incidents', 'fixedRemotely', 'mitigatedRemotely', 'dispatched', 'remoteResolutionRate',
  'medianSecondsToFix', 'p95SecondsToVerdict',
] as const satisfies readonly (keyof RemoteKpi)[];

/** The first shape, then (from hubs with the KPI framework) the KPI report's fields beside it. */
export const remoteKpiJson = (k: RemoteKpi & Partial<KpiReport>) => ({
  ...pick(k, REMOTE_KPI_FIELDS),
  ...(k.measures && k.kpi ? { ...kpiReportJson(k as KpiReport), since: k.since, until: k.until } : {}),
});

export const FORECAST_FIELDS = [
  'siteId', 'generatedAt', 'from', 'method', 'historyHours', 'interval', 'calendar',
] as const satisfies readonly (keyof SiteForecast)[];

export const FORECAST_HOUR_FIELDS = [
  'at', 'arrivalsPerHour', 'lower', 'upper', 'peaks', 'predictedWaitMinutes', 'countersAdvised',
  // A contact centre's only (absent elsewhere): the AI agent's share and the inquiries left for a person.
  'aiShare', 'aiShareLower', 'aiShareUpper', 'personArrivalsPerHour',
] as const satisfies readonly (keyof ForecastHour)[];

export const siteForecastJson = (f: SiteForecast) => ({
  forecast: { ...pick(f, FORECAST_FIELDS), hours: f.hours.map((h) => pick(h, FORECAST_HOUR_FIELDS)) },
});
