// The SQLite statements of what drills leave behind (migration 15).
import type { DrillScorecard } from '../../../core/model.js';
import type { DrillMark, DrillReader, DrillScoreQuery, DrillWriter } from '../drill-store.js';
import type { Prepare, Synchronous } from './prepare.js';

export function drillStatements(sql: Prepare): Synchronous<DrillReader & DrillWriter> {
  return {
    drillRunOnAsset(assetId: string, at: string): string | undefined {
      return (
        sql(
          `SELECT m.run_id FROM drill_marks m JOIN playbook_runs r ON r.id = m.run_id
            WHERE m.asset_id = ? AND m.marked_at <= ? AND (r.ended_at IS NULL OR r.ended_at >= ?)
            ORDER BY m.marked_at DESC LIMIT 1`,
        )
          .pluck()
          .get(assetId, at, at) as string | undefined
      );
    },
    listDrillScores(query: DrillScoreQuery = {}): DrillScorecard[] {
      const where = query.playbookId === undefined ? '' : 'WHERE playbook_id = @playbookId';
      return (
        sql(`SELECT scorecard FROM drill_scores ${where} ORDER BY ended_at DESC, run_id DESC LIMIT @limit`)
          .pluck()
          .all({ playbookId: query.playbookId, limit: query.limit ?? 100 }) as string[]
      ).map((s) => JSON.parse(s) as DrillScorecard);
    },
    getDrillScore(runId: string): DrillScorecard | undefined {
      const row = sql('SELECT scorecard FROM drill_scores WHERE run_id = ? COLLATE NOCASE').pluck().get(runId) as string | undefined;
      return row === undefined ? undefined : (JSON.parse(row) as DrillScorecard);
    },
    listDrillIncidentIds(runId: string): string[] {
      return sql('SELECT id FROM incidents WHERE drill_run_id = ? ORDER BY seq').pluck().all(runId) as string[];
    },
    insertDrillMark(m: DrillMark): void {
      sql('INSERT OR IGNORE INTO drill_marks (run_id, step_id, attempt, asset_id, marked_at) VALUES (?, ?, ?, ?, ?)').run(m.runId, m.stepId, m.attempt, m.assetId, m.markedAt);
    },
    insertDrillScore(card: DrillScorecard): void {
      sql('INSERT OR IGNORE INTO drill_scores (run_id, playbook_id, playbook_version, ended_at, scorecard) VALUES (?, ?, ?, ?, ?)').run(
        card.runId,
        card.playbookId,
        card.playbookVersion,
        card.endedAt ?? card.startedAt,
        JSON.stringify(card),
      );
    },
  };
}
