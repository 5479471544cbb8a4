// The SQLite statements of remote diagnostics: finished runs, work orders,
// and the remote outcomes the KPI is computed from.
import type { DiagVerdict, Dispatch, DispatchState } from '../../../core/model.js';
import type {
  DiagnosticRunRecord,
  DiagnosticsReader,
  DiagnosticsWriter,
  DispatchQuery,
  NewDispatch,
  RemoteOutcome,
} from '../diagnostics-store.js';
import { diagnosticRunToRow, dispatchFromRow, dispatchToRow, type DispatchRow } from './diagnostic-rows.js';
import type { Prepare, Synchronous } from './prepare.js';

export const dispatchIdFor = (seq: number) => `DSP-${String(seq).padStart(6, '0')}`;
const DEFAULT_DISPATCH_LIMIT = 500;

function listRemoteOutcomes(sql: Prepare, since: string, until: string): RemoteOutcome[] {
  const incidents = sql(
    `SELECT id, site_id, created_at, resolved_at FROM incidents
      WHERE asset_id IS NOT NULL AND drill_run_id IS NULL AND created_at >= ? AND created_at <= ? ORDER BY seq`,
  ).all(since, until) as { id: string; site_id: string | null; created_at: string; resolved_at: string | null }[];
  const runs = sql(
    `SELECT r.incident_id, r.verdict, r.finished_at FROM diagnostic_runs r JOIN incidents i ON i.id = r.incident_id
      WHERE i.asset_id IS NOT NULL AND i.drill_run_id IS NULL AND i.created_at >= ? AND i.created_at <= ? ORDER BY r.finished_at`,
  ).all(since, until) as { incident_id: string; verdict: string; finished_at: string }[];
  const dispatched = sql(
    `SELECT d.incident_id, min(d.created_at) AS at FROM dispatches d JOIN incidents i ON i.id = d.incident_id
      WHERE i.drill_run_id IS NULL AND i.created_at >= ? AND i.created_at <= ? GROUP BY d.incident_id`,
  ).all(since, until) as { incident_id: string; at: string }[];
  const byIncident = new Map<string, RemoteOutcome>(
    incidents.map((i) => [i.id, { incidentId: i.id, siteId: i.site_id, createdAt: i.created_at, resolvedAt: i.resolved_at, verdicts: [], dispatchedAt: null }]),
  );
  for (const r of runs) byIncident.get(r.incident_id)?.verdicts.push({ verdict: r.verdict as DiagVerdict, at: r.finished_at });
  for (const d of dispatched) {
    const outcome = byIncident.get(d.incident_id);
    if (outcome) outcome.dispatchedAt = d.at;
  }
  return [...byIncident.values()];
}

export function diagnosticsStatements(sql: Prepare): Synchronous<DiagnosticsReader & DiagnosticsWriter> {
  return {
    insertDiagnosticRun(run: DiagnosticRunRecord): void {
      sql(
        `INSERT INTO diagnostic_runs (id, incident_id, site_id, asset_id, actor_id, actor_name, channel, fix, verdict,
           findings, actions, started_at, finished_at)
         VALUES (@id, @incident_id, @site_id, @asset_id, @actor_id, @actor_name, @channel, @fix, @verdict,
           @findings, @actions, @started_at, @finished_at)`,
      ).run(diagnosticRunToRow(run));
    },

    insertDispatch(dispatch: NewDispatch): Dispatch {
      const seq = Number(sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'dispatch_seq' RETURNING value").pluck().get());
      const stored: Dispatch = { ...dispatch, id: dispatchIdFor(seq) };
      sql(
        `INSERT INTO dispatches (seq, id, incident_id, site_id, asset_id, findings, actions_tried, parts_likely, priority,
           state, created_at, created_by_id, created_by, closed_at, closed_by_id, closed_by, note)
         VALUES (@seq, @id, @incident_id, @site_id, @asset_id, @findings, @actions_tried, @parts_likely, @priority,
           @state, @created_at, @created_by_id, @created_by, @closed_at, @closed_by_id, @closed_by, @note)`,
      ).run({ seq, ...dispatchToRow(stored) });
      return stored;
    },

    updateDispatch(dispatch: Dispatch, expectedState: DispatchState): boolean {
      const result = sql(
        `UPDATE dispatches SET state = @state, closed_at = @closed_at, closed_by_id = @closed_by_id,
           closed_by = @closed_by, note = @note
         WHERE id = @id AND state = @expected`,
      ).run({ ...dispatchToRow(dispatch), expected: expectedState });
      return result.changes === 1;
    },

    listDispatches(query: DispatchQuery = {}): Dispatch[] {
      const rows = sql(
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
    },

    getDispatch(id: string): Dispatch | undefined {
      const row = sql('SELECT * FROM dispatches WHERE id = ?').get(id.toUpperCase()) as DispatchRow | undefined;
      return row && dispatchFromRow(row);
    },

    listRemoteOutcomes: (since: string, until: string) => listRemoteOutcomes(sql, since, until),
  };
}
