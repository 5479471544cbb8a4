// Row ↔ domain mapping for the SQLite store: column names stay here.
import type {
  AssignerAuthority,
  Asset,
  AssetKind,
  Channel,
  Health,
  Incident,
  IncidentState,
  TokenRole,
  Severity,
  Site,
  SiteKind,
  SiteTelemetry,
  ContactCentreTelemetry,
  TimelineEntry,
  TimelineKind,
} from '../../../core/model.js';
import type { AuditRow } from '../audit-store.js';
import type { TokenRecord } from '../token-store.js';

export interface SiteRow {
  id: string;
  name_en: string;
  name_ar: string;
  kind: string;
  region: string;
  city: string;
  city_ar: string | null;
  lat: number;
  lon: number;
  neighbour: string | null;
  annual_passengers: number | null;
  staff: number;
  source: string | null;
}

export const siteFromRow = (r: SiteRow): Site => ({
  id: r.id,
  name: { en: r.name_en, ar: r.name_ar },
  kind: r.kind as SiteKind,
  region: r.region,
  city: r.city,
  cityAr: r.city_ar,
  lat: r.lat,
  lon: r.lon,
  neighbour: r.neighbour,
  annualPassengers: r.annual_passengers,
  staff: r.staff,
  source: r.source,
});

export const siteToRow = (s: Site): SiteRow => ({
  id: s.id,
  name_en: s.name.en,
  name_ar: s.name.ar,
  kind: s.kind,
  region: s.region,
  city: s.city,
  city_ar: s.cityAr,
  lat: s.lat,
  lon: s.lon,
  neighbour: s.neighbour,
  annual_passengers: s.annualPassengers,
  staff: s.staff,
  source: s.source,
});

export interface AssetRow {
  id: string;
  site_id: string | null;
  kind: string;
  name: string;
  health: string;
  management_url: string | null;
}

export const assetFromRow = (r: AssetRow): Asset => ({
  id: r.id,
  siteId: r.site_id,
  kind: r.kind as AssetKind,
  name: r.name,
  health: r.health as Health,
  managementUrl: r.management_url,
});

export const assetToRow = (a: Asset): AssetRow => ({
  id: a.id,
  site_id: a.siteId,
  kind: a.kind,
  name: a.name,
  health: a.health,
  management_url: a.managementUrl,
});

export interface IncidentRow {
  id: string;
  title: string;
  severity: string;
  state: string;
  site_id: string | null;
  asset_id: string | null;
  source: string;
  fingerprint: string | null;
  labels: string;
  created_at: string;
  updated_at: string;
  acknowledged_by_id: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  assignee: string | null;
  assignee_id: string | null;
  assigned_by_id: string | null;
  assigned_by: string | null;
  assigner_authority: string | null;
  escalations: number;
  resolved_by_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  summary: string | null;
  version: number;
  drill_run_id?: string | null;
  parent_id?: string | null;
  grouping?: string | null;
  flapping?: number;
  /** The rows naming this one as parent, kept by triggers (migration 27). */
  child_count?: number;
}

const actorRef = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? id });

export const incidentFromRow = (r: IncidentRow): Incident => ({
  id: r.id,
  title: r.title,
  severity: r.severity as Severity,
  state: r.state as IncidentState,
  siteId: r.site_id,
  assetId: r.asset_id,
  source: r.source as Incident['source'],
  fingerprint: r.fingerprint,
  labels: JSON.parse(r.labels) as Record<string, string>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  acknowledgedBy: actorRef(r.acknowledged_by_id, r.acknowledged_by),
  acknowledgedAt: r.acknowledged_at,
  assignee: r.assignee,
  assigneeId: r.assignee_id,
  assignedBy: actorRef(r.assigned_by_id, r.assigned_by),
  assignerAuthority: r.assigner_authority as AssignerAuthority | null,
  escalations: r.escalations,
  resolvedBy: actorRef(r.resolved_by_id, r.resolved_by),
  resolvedAt: r.resolved_at,
  summary: r.summary,
  version: r.version,
  drillRunId: r.drill_run_id ?? null,
  parentId: r.parent_id ?? null,
  ...(r.child_count === undefined ? {} : { childCount: r.child_count }),
  grouping: (r.grouping ?? null) as Incident['grouping'],
  flapping: r.flapping === 1,
});

export const incidentToRow = (i: Incident): IncidentRow => ({
  id: i.id,
  title: i.title,
  severity: i.severity,
  state: i.state,
  site_id: i.siteId,
  asset_id: i.assetId,
  source: i.source,
  fingerprint: i.fingerprint,
  labels: JSON.stringify(i.labels),
  created_at: i.createdAt,
  updated_at: i.updatedAt,
  acknowledged_by_id: i.acknowledgedBy?.id ?? null,
  acknowledged_by: i.acknowledgedBy?.name ?? null,
  acknowledged_at: i.acknowledgedAt,
  assignee: i.assignee,
  assignee_id: i.assigneeId,
  assigned_by_id: i.assignedBy?.id ?? null,
  assigned_by: i.assignedBy?.name ?? null,
  assigner_authority: i.assignerAuthority,
  escalations: i.escalations,
  resolved_by_id: i.resolvedBy?.id ?? null,
  resolved_by: i.resolvedBy?.name ?? null,
  resolved_at: i.resolvedAt,
  summary: i.summary,
  version: i.version,
  parent_id: i.parentId ?? null,
  grouping: i.grouping ?? null,
  flapping: i.flapping ? 1 : 0,
});

export interface TimelineRow {
  id: number;
  incident_id: string;
  at: string;
  kind: string;
  actor_id: string;
  actor_name: string;
  channel: string;
  text: string;
}

export const timelineFromRow = (r: TimelineRow): TimelineEntry => ({
  id: r.id,
  incidentId: r.incident_id,
  at: r.at,
  kind: r.kind as TimelineKind,
  actor: { id: r.actor_id, name: r.actor_name },
  channel: r.channel as Channel,
  text: r.text,
});

export interface TelemetryRow {
  site_id: string;
  at: string;
  arrivals_per_hour: number;
  queue_length: number;
  wait_minutes: number;
  egates_in_service: number;
  counters_open: number;
  /** A contact centre's block as JSON (migration 26); null for every other site. */
  contact_centre: string | null;
}

export const telemetryFromRow = (r: TelemetryRow): SiteTelemetry => ({
  siteId: r.site_id,
  at: r.at,
  arrivalsPerHour: r.arrivals_per_hour,
  queueLength: r.queue_length,
  waitMinutes: r.wait_minutes,
  egatesInService: r.egates_in_service,
  countersOpen: r.counters_open,
  ...(r.contact_centre ? { contactCentre: JSON.parse(r.contact_centre) as ContactCentreTelemetry } : {}),
});

export const telemetryToRow = (t: SiteTelemetry): TelemetryRow => ({
  site_id: t.siteId,
  at: t.at,
  arrivals_per_hour: t.arrivalsPerHour,
  queue_length: t.queueLength,
  wait_minutes: t.waitMinutes,
  egates_in_service: t.egatesInService,
  counters_open: t.countersOpen,
  contact_centre: t.contactCentre ? JSON.stringify(t.contactCentre) : null,
});

export interface TokenRow {
  id: string;
  name: string;
  role: string;
  bot: number;
  hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

export const tokenFromRow = (r: TokenRow): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role as TokenRole,
  bot: r.bot === 1,
  hash: r.hash,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

export interface AuditTableRow {
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  channel: string;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

// A row edited by hand may not even be JSON any more; keep the text so
// verification reports a hash mismatch instead of crashing.
function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { unparsed: text };
  } catch {
    return { unparsed: text };
  }
}

export const auditFromRow = (r: AuditTableRow): AuditRow => ({
  seq: r.seq,
  at: r.at,
  actor: { id: r.actor_id, name: r.actor_name },
  channel: r.channel as Channel,
  action: r.action,
  target: r.target,
  detail: parseDetail(r.detail),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const auditToRow = (a: AuditRow): AuditTableRow => ({
  seq: a.seq,
  at: a.at,
  actor_id: a.actor.id,
  actor_name: a.actor.name,
  channel: a.channel,
  action: a.action,
  target: a.target,
  detail: JSON.stringify(a.detail),
  prev_hash: a.prevHash,
  hash: a.hash,
});
