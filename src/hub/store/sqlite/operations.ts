// The SQLite statements behind the Store interface, synchronous as
// better-sqlite3 is. SqliteStore wraps them in promises and the mutex.
import type Database from 'better-sqlite3';
import type { Asset, ChatCard, DiagVerdict, Dispatch, DispatchState, Health, Incident, Site, SiteTelemetry, TimelineEntry, TokenInfo } from '../../../core/model.js';
import type {
  AssetCount,
  AssetQuery,
  AuditHead,
  AuditQuery,
  AuditRow,
  ChatCardQuery,
  DiagnosticRunRecord,
  DispatchQuery,
  IncidentQuery,
  NewDispatch,
  RemoteOutcome,
  NewIncident,
  NewTimelineEntry,
  SiteQuery,
  StoreWriter,
  TokenRecord,
  WaitMinuteSample,
} from '../store.js';
import {
  assetFromRow,
  assetToRow,
  auditFromRow,
  auditToRow,
  incidentFromRow,
  incidentToRow,
  siteFromRow,
  siteToRow,
  telemetryFromRow,
  telemetryToRow,
  timelineFromRow,
  tokenFromRow,
  type AssetRow,
  type AuditTableRow,
  type IncidentRow,
  type SiteRow,
  type TelemetryRow,
  type TimelineRow,
  type TokenRow,
} from './rows.js';
import { getChatCard, listChatCards, putChatCard } from './card-rows.js';
import { diagnosticRunToRow, dispatchFromRow, dispatchToRow, type DispatchRow } from './diagnostic-rows.js';

/** The synchronous twin of an async interface. */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};

const DEFAULT_INCIDENT_LIMIT = 200;
const AUDIT_HEAD_KEY = 'audit_head';

export const incidentIdFor = (seq: number) => `INC-${String(seq).padStart(6, '0')}`;
export const dispatchIdFor = (seq: number) => `DSP-${String(seq).padStart(6, '0')}`;
const DEFAULT_DISPATCH_LIMIT = 500;

export class SqliteOperations implements Synchronous<StoreWriter> {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  // ---- sites and assets ---------------------------------------------------

  countSites(): number {
    return this.sql('SELECT count(*) FROM sites').pluck().get() as number;
  }

  listSites(query: SiteQuery = {}): Site[] {
    const rows = this.sql(
      `SELECT * FROM sites
        WHERE (@kind IS NULL OR kind = @kind) AND (@region IS NULL OR region = @region COLLATE NOCASE)
        ORDER BY id`,
    ).all({ kind: query.kind ?? null, region: query.region ?? null }) as SiteRow[];
    return rows.map(siteFromRow);
  }

  getSite(id: string): Site | undefined {
    const row = this.sql('SELECT * FROM sites WHERE id = ?').get(id) as SiteRow | undefined;
    return row && siteFromRow(row);
  }

  listAssets(query: AssetQuery = {}): Asset[] {
    const rows = this.sql(
      `SELECT * FROM assets
        WHERE (@site IS NULL OR site_id = @site) AND (@kind IS NULL OR kind = @kind)
        ORDER BY site_id IS NOT NULL, site_id, id`,
    ).all({ site: query.siteId ?? null, kind: query.kind ?? null }) as AssetRow[];
    return rows.map(assetFromRow);
  }

  getAsset(id: string): Asset | undefined {
    const row = this.sql('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
    return row && assetFromRow(row);
  }

  countAssets(): AssetCount[] {
    const rows = this.sql(
      'SELECT site_id, kind, health, count(*) AS count FROM assets GROUP BY site_id, kind, health',
    ).all() as { site_id: string | null; kind: string; health: string; count: number }[];
    return rows.map((r) => ({ siteId: r.site_id, kind: r.kind as Asset['kind'], health: r.health as Health, count: r.count }));
  }

  upsertSites(sites: Site[]): void {
    const upsert = this.sql(
      `INSERT INTO sites (id, name_en, name_ar, kind, region, city, lat, lon, neighbour, annual_passengers, staff, source)
       VALUES (@id, @name_en, @name_ar, @kind, @region, @city, @lat, @lon, @neighbour, @annual_passengers, @staff, @source)
       ON CONFLICT(id) DO UPDATE SET name_en = excluded.name_en, name_ar = excluded.name_ar, kind = excluded.kind,
         region = excluded.region, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
         neighbour = excluded.neighbour, annual_passengers = excluded.annual_passengers, staff = excluded.staff,
         source = excluded.source`,
    );
    for (const s of sites) upsert.run(siteToRow(s));
  }

  upsertAssets(assets: Asset[]): void {
    const upsert = this.sql(
      `INSERT INTO assets (id, site_id, kind, name, health, management_url)
       VALUES (@id, @site_id, @kind, @name, @health, @management_url)
       ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, kind = excluded.kind, name = excluded.name,
         management_url = excluded.management_url`,
    );
    for (const a of assets) upsert.run(assetToRow(a));
  }

  setAssetHealth(id: string, health: Health): void {
    this.sql('UPDATE assets SET health = ? WHERE id = ?').run(health, id);
  }

  // ---- incidents ------------------------------------------------------------

  listIncidents(query: IncidentQuery = {}): Incident[] {
    const state = query.state === 'open' ? null : (query.state ?? null);
    const rows = this.sql(
      `SELECT * FROM incidents
        WHERE (@state IS NULL OR state = @state)
          AND (@open = 0 OR state <> 'resolved')
          AND (@site IS NULL OR site_id = @site COLLATE NOCASE)
          AND (@asset IS NULL OR asset_id = @asset COLLATE NOCASE)
          AND (@severity IS NULL OR severity = @severity)
        ORDER BY seq DESC
        LIMIT @limit`,
    ).all({
      state,
      open: query.state === 'open' ? 1 : 0,
      site: query.siteId ?? null,
      asset: query.assetId ?? null,
      severity: query.severity ?? null,
      limit: query.limit ?? DEFAULT_INCIDENT_LIMIT,
    }) as IncidentRow[];
    return rows.map(incidentFromRow);
  }

  getIncident(id: string): Incident | undefined {
    const row = this.sql('SELECT * FROM incidents WHERE id = ?').get(id.toUpperCase()) as IncidentRow | undefined;
    return row && incidentFromRow(row);
  }

  findOpenIncidentByFingerprint(fingerprint: string): Incident | undefined {
    const row = this.sql("SELECT * FROM incidents WHERE fingerprint = ? AND state <> 'resolved'").get(fingerprint) as
      | IncidentRow
      | undefined;
    return row && incidentFromRow(row);
  }

  insertIncident(incident: NewIncident): Incident {
    const seq = Number(
      this.sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'incident_seq' RETURNING value")
        .pluck()
        .get(),
    );
    const stored: Incident = { ...incident, id: incidentIdFor(seq), version: 1 };
    this.sql(
      `INSERT INTO incidents (seq, id, title, severity, state, site_id, asset_id, source, fingerprint, labels,
         created_at, updated_at, acknowledged_by_id, acknowledged_by, acknowledged_at, assignee, escalations,
         resolved_by_id, resolved_by, resolved_at, summary, version)
       VALUES (@seq, @id, @title, @severity, @state, @site_id, @asset_id, @source, @fingerprint, @labels,
         @created_at, @updated_at, @acknowledged_by_id, @acknowledged_by, @acknowledged_at, @assignee, @escalations,
         @resolved_by_id, @resolved_by, @resolved_at, @summary, @version)`,
    ).run({ seq, ...incidentToRow(stored) });
    return stored;
  }

  updateIncident(incident: Incident, expectedVersion: number): boolean {
    const result = this.sql(
      `UPDATE incidents SET title = @title, severity = @severity, state = @state, site_id = @site_id,
         asset_id = @asset_id, labels = @labels, updated_at = @updated_at,
         acknowledged_by_id = @acknowledged_by_id, acknowledged_by = @acknowledged_by, acknowledged_at = @acknowledged_at,
         assignee = @assignee, escalations = @escalations, resolved_by_id = @resolved_by_id, resolved_by = @resolved_by,
         resolved_at = @resolved_at, summary = @summary, version = @version
       WHERE id = @id AND version = @expected`,
    ).run({ ...incidentToRow(incident), expected: expectedVersion });
    return result.changes === 1;
  }

  listTimeline(incidentId: string): TimelineEntry[] {
    const rows = this.sql('SELECT * FROM timeline WHERE incident_id = ? ORDER BY id').all(
      incidentId.toUpperCase(),
    ) as TimelineRow[];
    return rows.map(timelineFromRow);
  }

  appendTimeline(entry: NewTimelineEntry): TimelineEntry {
    const result = this.sql(
      `INSERT INTO timeline (incident_id, at, kind, actor_id, actor_name, channel, text)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.incidentId, entry.at, entry.kind, entry.actor.id, entry.actor.name, entry.channel, entry.text);
    return { ...entry, id: Number(result.lastInsertRowid) };
  }

  // ---- telemetry --------------------------------------------------------------

  listTelemetry(): SiteTelemetry[] {
    return (this.sql('SELECT * FROM site_telemetry ORDER BY site_id').all() as TelemetryRow[]).map(telemetryFromRow);
  }

  upsertTelemetry(telemetry: SiteTelemetry[]): void {
    const upsert = this.sql(
      `INSERT INTO site_telemetry (site_id, at, arrivals_per_hour, queue_length, wait_minutes, egates_in_service, counters_open)
       VALUES (@site_id, @at, @arrivals_per_hour, @queue_length, @wait_minutes, @egates_in_service, @counters_open)
       ON CONFLICT(site_id) DO UPDATE SET at = excluded.at, arrivals_per_hour = excluded.arrivals_per_hour,
         queue_length = excluded.queue_length, wait_minutes = excluded.wait_minutes,
         egates_in_service = excluded.egates_in_service, counters_open = excluded.counters_open`,
    );
    for (const t of telemetry) upsert.run(telemetryToRow(t));
  }

  listWaitSamples(siteId: string, fromMinute: number): WaitMinuteSample[] {
    return (
      this.sql(
        `SELECT site_id, minute, wait_minutes FROM site_wait_history
          WHERE site_id = ? COLLATE NOCASE AND minute >= ? ORDER BY minute`,
      ).all(siteId, fromMinute) as { site_id: string; minute: number; wait_minutes: number }[]
    ).map((r) => ({ siteId: r.site_id, minute: r.minute, waitMinutes: r.wait_minutes }));
  }

  recordWaitSamples(samples: WaitMinuteSample[], keepFromMinute: number): void {
    const record = this.sql(
      `INSERT INTO site_wait_history (site_id, minute, wait_minutes) VALUES (?, ?, ?)
       ON CONFLICT(site_id, minute) DO UPDATE SET wait_minutes = excluded.wait_minutes`,
    );
    for (const s of samples) record.run(s.siteId, s.minute, s.waitMinutes);
    // An index range: nothing to scan once the old minutes are gone.
    this.sql('DELETE FROM site_wait_history WHERE minute < ?').run(keepFromMinute);
  }

  // ---- tokens -------------------------------------------------------------------

  listTokens(): TokenInfo[] {
    return (this.sql('SELECT * FROM tokens ORDER BY created_at, id').all() as TokenRow[]).map((r) => {
      const { hash: _hash, ...info } = tokenFromRow(r);
      return info;
    });
  }

  getToken(id: string): TokenRecord | undefined {
    const row = this.sql('SELECT * FROM tokens WHERE id = ?').get(id) as TokenRow | undefined;
    return row && tokenFromRow(row);
  }

  getTokenByHash(hash: string): TokenRecord | undefined {
    const row = this.sql('SELECT * FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
    return row && tokenFromRow(row);
  }

  insertToken(token: TokenRecord): void {
    this.sql(
      `INSERT INTO tokens (id, name, role, hash, created_at, last_used_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(token.id, token.name, token.role, token.hash, token.createdAt, token.lastUsedAt, token.revokedAt);
  }

  revokeToken(id: string, at: string): void {
    this.sql('UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(at, id);
  }

  touchToken(id: string, at: string): void {
    this.sql('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  // ---- audit ----------------------------------------------------------------------

  listAudit(query: AuditQuery): AuditRow[] {
    const params = { after: query.afterSeq ?? null, since: query.since ?? null, limit: query.limit };
    const where = '(@after IS NULL OR seq > @after) AND (@since IS NULL OR at >= @since)';
    const unbounded = query.afterSeq === undefined && query.since === undefined;
    const rows = (
      unbounded && query.newest
        ? this.sql(`SELECT * FROM (SELECT * FROM audit WHERE ${where} ORDER BY seq DESC LIMIT @limit) ORDER BY seq`)
        : this.sql(`SELECT * FROM audit WHERE ${where} ORDER BY seq LIMIT @limit`)
    ).all(params) as AuditTableRow[];
    return rows.map(auditFromRow);
  }

  readAuditLog(): AuditRow[] {
    return (this.sql('SELECT * FROM audit ORDER BY seq').all() as AuditTableRow[]).map(auditFromRow);
  }

  getAuditHead(): AuditHead | undefined {
    const value = this.sql('SELECT value FROM meta WHERE key = ?').pluck().get(AUDIT_HEAD_KEY) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as AuditHead);
  }

  appendAudit(row: AuditRow): void {
    this.sql(
      `INSERT INTO audit (seq, at, actor_id, actor_name, channel, action, target, detail, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @actor_name, @channel, @action, @target, @detail, @prev_hash, @hash)`,
    ).run(auditToRow(row));
    const head: AuditHead = { seq: row.seq, hash: row.hash };
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      AUDIT_HEAD_KEY,
      JSON.stringify(head),
    );
  }

  // ---- remote diagnostics -----------------------------------------------------------

  insertDiagnosticRun(run: DiagnosticRunRecord): void {
    this.sql(
      `INSERT INTO diagnostic_runs (id, incident_id, site_id, asset_id, actor_id, actor_name, channel, fix, verdict,
         findings, actions, started_at, finished_at)
       VALUES (@id, @incident_id, @site_id, @asset_id, @actor_id, @actor_name, @channel, @fix, @verdict,
         @findings, @actions, @started_at, @finished_at)`,
    ).run(diagnosticRunToRow(run));
  }

  insertDispatch(dispatch: NewDispatch): Dispatch {
    const seq = Number(
      this.sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dispatch_seq' RETURNING value")
        .pluck()
        .get(),
    );
    const stored: Dispatch = { ...dispatch, id: dispatchIdFor(seq) };
    this.sql(
      `INSERT INTO dispatches (seq, id, incident_id, site_id, asset_id, findings, actions_tried, parts_likely, priority,
         state, created_at, created_by_id, created_by, closed_at, closed_by_id, closed_by, note)
       VALUES (@seq, @id, @incident_id, @site_id, @asset_id, @findings, @actions_tried, @parts_likely, @priority,
         @state, @created_at, @created_by_id, @created_by, @closed_at, @closed_by_id, @closed_by, @note)`,
    ).run({ seq, ...dispatchToRow(stored) });
    return stored;
  }

  updateDispatch(dispatch: Dispatch, expectedState: DispatchState): boolean {
    const result = this.sql(
      `UPDATE dispatches SET state = @state, closed_at = @closed_at, closed_by_id = @closed_by_id,
         closed_by = @closed_by, note = @note
       WHERE id = @id AND state = @expected`,
    ).run({ ...dispatchToRow(dispatch), expected: expectedState });
    return result.changes === 1;
  }

  listDispatches(query: DispatchQuery = {}): Dispatch[] {
    const rows = this.sql(
      `SELECT * FROM dispatches
        WHERE (@state IS NULL OR state = @state)
          AND (@site IS NULL OR site_id = @site COLLATE NOCASE)
          AND (@incident IS NULL OR incident_id = @incident COLLATE NOCASE)
        ORDER BY seq DESC
        LIMIT @limit`,
    ).all({
      state: query.state ?? null,
      site: query.siteId ?? null,
      incident: query.incidentId ?? null,
      limit: query.limit ?? DEFAULT_DISPATCH_LIMIT,
    }) as DispatchRow[];
    return rows.map(dispatchFromRow);
  }

  getDispatch(id: string): Dispatch | undefined {
    const row = this.sql('SELECT * FROM dispatches WHERE id = ?').get(id.toUpperCase()) as DispatchRow | undefined;
    return row && dispatchFromRow(row);
  }

  listRemoteOutcomes(since: string, until: string): RemoteOutcome[] {
    const incidents = this.sql(
      `SELECT id, created_at, resolved_at FROM incidents
        WHERE asset_id IS NOT NULL AND created_at >= ? AND created_at <= ? ORDER BY seq`,
    ).all(since, until) as { id: string; created_at: string; resolved_at: string | null }[];
    const runs = this.sql(
      `SELECT r.incident_id, r.verdict, r.finished_at FROM diagnostic_runs r JOIN incidents i ON i.id = r.incident_id
        WHERE i.asset_id IS NOT NULL AND i.created_at >= ? AND i.created_at <= ? ORDER BY r.finished_at`,
    ).all(since, until) as { incident_id: string; verdict: string; finished_at: string }[];
    const dispatched = this.sql(
      `SELECT d.incident_id, min(d.created_at) AS at FROM dispatches d JOIN incidents i ON i.id = d.incident_id
        WHERE i.created_at >= ? AND i.created_at <= ? GROUP BY d.incident_id`,
    ).all(since, until) as { incident_id: string; at: string }[];
    const byIncident = new Map<string, RemoteOutcome>(
      incidents.map((i) => [i.id, { incidentId: i.id, createdAt: i.created_at, resolvedAt: i.resolved_at, verdicts: [], dispatchedAt: null }]),
    );
    for (const r of runs) byIncident.get(r.incident_id)?.verdicts.push({ verdict: r.verdict as DiagVerdict, at: r.finished_at });
    for (const d of dispatched) {
      const outcome = byIncident.get(d.incident_id);
      if (outcome) outcome.dispatchedAt = d.at;
    }
    return [...byIncident.values()];
  }

  // ---- chat cards -------------------------------------------------------------

  listChatCards(query: ChatCardQuery = {}): ChatCard[] {
    return listChatCards((text) => this.sql(text), query);
  }

  getChatCard(incidentId: string, target: string): ChatCard | undefined {
    return getChatCard((text) => this.sql(text), incidentId, target);
  }

  putChatCard(card: ChatCard): void {
    putChatCard((text) => this.sql(text), card);
  }
}
