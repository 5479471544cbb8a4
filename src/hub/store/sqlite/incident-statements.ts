// The SQLite statements of incidents and their timelines.
import type { Incident, Severity, TimelineEntry } from '../../../core/model.js';
import type { IncidentQuery, IncidentReader, IncidentWriter, NewIncident, NewTimelineEntry, WorstOpenSeverities } from '../incident-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { incidentFromRow, incidentToRow, timelineFromRow, type IncidentRow, type TimelineRow } from './rows.js';

const DEFAULT_INCIDENT_LIMIT = 200;

// Every read of an incident carries its child count: a column since migration 27, kept by SQLite's triggers.
export const INCIDENT_COLUMNS = '*';

export const incidentIdFor = (seq: number) => `INC-${String(seq).padStart(6, '0')}`;

/** The columns an update may set, as incidentToRow names them (not id, source or created_at, which never change; parent_id apart). */
const SETTABLE = [
  'title', 'severity', 'state', 'site_id', 'asset_id', 'labels', 'updated_at', 'acknowledged_by_id', 'acknowledged_by', 'acknowledged_at',
  'assignee', 'assignee_id', 'assigned_by_id', 'assigned_by', 'assigner_authority', 'escalations', 'resolved_by_id', 'resolved_by',
  'resolved_at', 'summary', 'version', 'fingerprint', 'grouping', 'flapping',
] as const satisfies readonly (keyof IncidentRow)[];

const UPDATE_FIELDS = `UPDATE incidents SET title = @title, severity = @severity, state = @state, site_id = @site_id,
   asset_id = @asset_id, labels = @labels, updated_at = @updated_at,
   acknowledged_by_id = @acknowledged_by_id, acknowledged_by = @acknowledged_by, acknowledged_at = @acknowledged_at,
   assignee = @assignee, assignee_id = @assignee_id, assigned_by_id = @assigned_by_id, assigned_by = @assigned_by,
   assigner_authority = @assigner_authority, escalations = @escalations, resolved_by_id = @resolved_by_id, resolved_by = @resolved_by,
   resolved_at = @resolved_at, summary = @summary, version = @version, fingerprint = @fingerprint,
   grouping = @grouping, flapping = @flapping`;
const UPDATE_SAME_PARENT = `${UPDATE_FIELDS} WHERE id = @id AND version = @expected AND parent_id IS @parent_id`;
const UPDATE_WITH_PARENT = `${UPDATE_FIELDS}, parent_id = @parent_id WHERE id = @id AND version = @expected`;

/**
 * The update of only the columns `next` changes from `before`, its parent kept: SQLite rewrites an index when a
 * column of it is named in SET, changed or not, and each index rewritten is a page more in the WAL at COMMIT.
 */
function updateOfChanged(before: IncidentRow, next: IncidentRow): string {
  const changed = SETTABLE.filter((c) => before[c] !== next[c]);
  if (changed.length === 0) return UPDATE_SAME_PARENT;
  return `UPDATE incidents SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND version = @expected AND parent_id IS @parent_id`;
}

export function incidentStatements(sql: Prepare): Synchronous<IncidentReader & IncidentWriter> {
  return {
    listIncidents(query: IncidentQuery = {}): Incident[] {
      const state = query.state === 'open' ? null : (query.state ?? null);
      const rows = sql(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE (@state IS NULL OR state = @state)
            AND (@children = 1 OR parent_id IS NULL)
            AND (@parent IS NULL OR parent_id = @parent)
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
        children: query.children === false && query.parentId === undefined ? 0 : 1,
        parent: query.parentId?.toUpperCase() ?? null,
      }) as IncidentRow[];
      return rows.map(incidentFromRow);
    },

    worstOpenSeveritiesOfAsset(assetId: string): WorstOpenSeverities {
      // Exact match on the stored id, so the incidents_asset index serves it. sev1 sorts first: the lowest is the worst.
      const row = sql(
        "SELECT MIN(severity) AS all_worst, MIN(CASE WHEN drill_run_id IS NULL THEN severity END) AS real_worst FROM incidents WHERE asset_id = ? AND state <> 'resolved'",
      ).get(assetId) as { all_worst: Severity | null; real_worst: Severity | null };
      return { all: row.all_worst, real: row.real_worst };
    },

    countOpenBySeverity(): Partial<Record<Severity, number>> {
      const rows = sql("SELECT severity, COUNT(*) AS n FROM incidents WHERE state <> 'resolved' AND drill_run_id IS NULL GROUP BY severity").all() as { severity: Severity; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.severity, r.n]));
    },

    getIncident(id: string): Incident | undefined {
      const row = sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ?`).get(id.toUpperCase()) as IncidentRow | undefined;
      return row && incidentFromRow(row);
    },

    findOpenIncidentByFingerprint(fingerprint: string): Incident | undefined {
      const row = sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE fingerprint = ? AND state <> 'resolved'`).get(fingerprint) as IncidentRow | undefined;
      return row && incidentFromRow(row);
    },

    insertIncident(incident: NewIncident): Incident {
      const seq = Number(sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'incident_seq' RETURNING value").pluck().get());
      const { groupKey, flap, ...fields } = incident;
      const stored: Incident = { ...fields, drillRunId: incident.drillRunId ?? null, parentId: incident.parentId ?? null, grouping: incident.grouping ?? null, flapping: incident.flapping ?? false, childCount: 0, id: incidentIdFor(seq), version: 1 };
      sql(
        `INSERT INTO incidents (seq, id, title, severity, state, site_id, asset_id, source, fingerprint, labels,
           created_at, updated_at, acknowledged_by_id, acknowledged_by, acknowledged_at, assignee, assignee_id,
           assigned_by_id, assigned_by, assigner_authority, escalations, resolved_by_id, resolved_by, resolved_at, summary, version, drill_run_id,
           parent_id, grouping, flapping, group_key, flap)
         VALUES (@seq, @id, @title, @severity, @state, @site_id, @asset_id, @source, @fingerprint, @labels,
           @created_at, @updated_at, @acknowledged_by_id, @acknowledged_by, @acknowledged_at, @assignee, @assignee_id,
           @assigned_by_id, @assigned_by, @assigner_authority, @escalations, @resolved_by_id, @resolved_by, @resolved_at, @summary, @version, @drill_run_id,
           @parent_id, @grouping, @flapping, @group_key, @flap)`,
      ).run({ seq, ...incidentToRow(stored), drill_run_id: incident.drillRunId ?? null, group_key: groupKey ?? null, flap: flap ?? null });
      // The parent's count, here rather than by a trigger (migration 30: a trigger made every insert cost a statement journal).
      if (stored.parentId !== null) sql('UPDATE incidents SET child_count = child_count + 1 WHERE id = ?').run(stored.parentId);
      return stored;
    },

    updateIncident(incident: Incident, expectedVersion: number, before?: Incident): boolean {
      const row = { ...incidentToRow(incident), expected: expectedVersion };
      // Most writes leave the parent as it was: said without naming parent_id, the move trigger (migration 27)
      // is not part of the statement, nor the statement journal any trigger brings. A move, or a lost race, takes the last.
      // Told the row as it was, only what changed is set (its version always does), so no index of an unchanged column is rewritten.
      const was = before && (before.parentId ?? null) === row.parent_id ? incidentToRow(before) : undefined;
      if (sql(was ? updateOfChanged(was, row) : UPDATE_SAME_PARENT).run(row).changes === 1) return true;
      return sql(UPDATE_WITH_PARENT).run(row).changes === 1;
    },

    listTimeline(incidentId: string): TimelineEntry[] {
      const rows = sql('SELECT * FROM timeline WHERE incident_id = ? ORDER BY id').all(incidentId.toUpperCase()) as TimelineRow[];
      return rows.map(timelineFromRow);
    },

    appendTimeline(entry: NewTimelineEntry): TimelineEntry {
      const result = sql(
        `INSERT INTO timeline (incident_id, at, kind, actor_id, actor_name, channel, text)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(entry.incidentId, entry.at, entry.kind, entry.actor.id, entry.actor.name, entry.channel, entry.text);
      return { ...entry, id: Number(result.lastInsertRowid) };
    },
  };
}
