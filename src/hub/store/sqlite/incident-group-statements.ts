// The SQLite statements of incident grouping (incident-group-store.ts): each a
// prepared statement over an index, so grouping adds lookups, not scans.
import type { Incident, Severity } from '../../../core/model.js';
import type { IncidentGroupReader, IncidentGroupWriter } from '../incident-group-store.js';
import { INCIDENT_COLUMNS } from './incident-statements.js';
import type { Prepare, Synchronous } from './prepare.js';
import { incidentFromRow, type IncidentRow } from './rows.js';

export function incidentGroupStatements(sql: Prepare): Synchronous<IncidentGroupReader & IncidentGroupWriter> {
  return {
    openIncidentsOnAssets(assetIds: readonly string[], since: string): Incident[] {
      if (assetIds.length === 0) return [];
      const rows = sql(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE asset_id IN (SELECT value FROM json_each(?)) AND state <> 'resolved' AND created_at >= ?
          ORDER BY seq`,
      ).all(JSON.stringify(assetIds), since) as IncidentRow[];
      return rows.map(incidentFromRow);
    },

    firstOpenOnAsset(assetId: string): Pick<Incident, 'id' | 'parentId'> | undefined {
      const row = sql("SELECT id, parent_id FROM incidents WHERE asset_id = ? AND state <> 'resolved' ORDER BY seq LIMIT 1").get(assetId) as
        | { id: string; parent_id: string | null }
        | undefined;
      return row && { id: row.id, parentId: row.parent_id };
    },

    suspectedCauseOn(assetId: string): Incident | undefined {
      const row = sql(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE asset_id = ? AND state <> 'resolved' AND grouping = 'cause' AND fingerprint IS NULL AND parent_id IS NULL ORDER BY seq LIMIT 1`,
      ).get(assetId) as IncidentRow | undefined;
      return row && incidentFromRow(row);
    },

    countOpenOnAssets(assetIds: readonly string[], since: string): number {
      if (assetIds.length === 0) return 0;
      return Number(
        sql(`SELECT COUNT(*) FROM incidents WHERE asset_id IN (SELECT value FROM json_each(?)) AND state <> 'resolved' AND created_at >= ?`)
          .pluck()
          .get(JSON.stringify(assetIds), since),
      );
    },

    openWindowParent(groupKey: string): Incident | undefined {
      const row = sql(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE group_key = ? AND state <> 'resolved' AND grouping = 'window' AND site_id IS NULL AND parent_id IS NULL LIMIT 1`,
      ).get(groupKey) as IncidentRow | undefined;
      return row && incidentFromRow(row);
    },

    windowSites(groupKey: string, since: string): string[] {
      return sql(
        `SELECT DISTINCT site_id FROM incidents
          WHERE group_key = ? AND state <> 'resolved' AND created_at >= ? AND parent_id IS NULL AND site_id IS NOT NULL`,
      ).pluck().all(groupKey, since) as string[];
    },

    openRootsByGroupKey(groupKey: string, since: string): Incident[] {
      const rows = sql(
        `SELECT ${INCIDENT_COLUMNS} FROM incidents
          WHERE group_key = ? AND state <> 'resolved' AND created_at >= ? AND parent_id IS NULL AND site_id IS NOT NULL ORDER BY seq`,
      ).all(groupKey, since) as IncidentRow[];
      return rows.map(incidentFromRow);
    },

    latestByFingerprint(fingerprint: string): { incident: Incident; flap: string | null } | undefined {
      const row = sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE fingerprint = ? ORDER BY seq DESC LIMIT 1`).get(fingerprint) as
        | (IncidentRow & { flap: string | null })
        | undefined;
      return row && { incident: incidentFromRow(row), flap: row.flap };
    },

    flapOf(incidentId: string): string | null {
      return (sql('SELECT flap FROM incidents WHERE id = ?').pluck().get(incidentId.toUpperCase()) as string | null | undefined) ?? null;
    },

    openChildrenOf(parentId: string): Incident[] {
      const rows = sql(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE parent_id = ? AND state <> 'resolved' ORDER BY seq`).all(
        parentId.toUpperCase(),
      ) as IncidentRow[];
      return rows.map(incidentFromRow);
    },

    openChildSummary(parentId: string): { open: number; worst: Severity | null } {
      // sev1 sorts first: the lowest is the worst.
      const row = sql("SELECT COUNT(*) AS open, MIN(severity) AS worst FROM incidents WHERE parent_id = ? AND state <> 'resolved'").get(
        parentId.toUpperCase(),
      ) as { open: number; worst: Severity | null };
      return { open: row.open, worst: row.worst };
    },

    setFlap(incidentId: string, flap: string | null): void {
      sql('UPDATE incidents SET flap = ? WHERE id = ?').run(flap, incidentId.toUpperCase());
    },
  };
}
