// The --json contract (docs/json.md): each shape is an explicit list of
// fields, so a field added to the hub's model appears in our output only when
// we decide to publish it. Only ever extend these lists.
import type {
  Asset,
  AuditEntry,
  AuditVerification,
  FleetStatus,
  Incident,
  IncidentDetail,
  PlatformStatus,
  Site,
  SiteDetail,
  SiteStatus,
  TimelineEntry,
  TokenInfo,
} from '../core/model.js';

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = value[k];
  return out;
}

export const SITE_FIELDS = [
  'id', 'name', 'kind', 'region', 'city', 'lat', 'lon', 'neighbour', 'annualPassengers', 'staff', 'source',
] as const satisfies readonly (keyof Site)[];

export const SITE_STATUS_FIELDS = [
  'id', 'name', 'kind', 'region', 'health', 'openIncidents', 'waitMinutes', 'queueLength', 'arrivalsPerHour',
  'egates', 'counters', 'staff', 'reportedAt',
] as const satisfies readonly (keyof SiteStatus)[];

export const PLATFORM_FIELDS = ['id', 'name', 'health'] as const satisfies readonly (keyof PlatformStatus)[];

export const ASSET_FIELDS = ['id', 'siteId', 'kind', 'name', 'health', 'managementUrl'] as const satisfies readonly (keyof Asset)[];

export const INCIDENT_FIELDS = [
  'id', 'title', 'severity', 'state', 'siteId', 'assetId', 'source', 'fingerprint', 'labels', 'createdAt',
  'updatedAt', 'acknowledgedBy', 'acknowledgedAt', 'assignee', 'escalations', 'resolvedBy', 'resolvedAt',
  'summary', 'version',
] as const satisfies readonly (keyof Incident)[];

export const TIMELINE_FIELDS = ['id', 'incidentId', 'at', 'kind', 'actor', 'channel', 'text'] as const satisfies readonly (keyof TimelineEntry)[];

export const TOKEN_FIELDS = ['id', 'name', 'role', 'createdAt', 'lastUsedAt', 'revokedAt'] as const satisfies readonly (keyof TokenInfo)[];

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
  return { incident: incidentJson(detail.incident), timeline: detail.timeline.map((t) => pick(t, TIMELINE_FIELDS)) };
}

export function auditVerificationJson(v: AuditVerification) {
  return { ok: v.ok, checked: v.checked, firstBroken: v.firstBroken };
}
