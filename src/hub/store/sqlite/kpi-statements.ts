// The SQLite statements the KPIs read and write: incidents' times, the
// assets' health history and survey answers.
import type { AssetKind, Health, Severity, SurveyChannel } from '../../../core/model.js';
import type { AssetHealthChange, CountedAsset, IncidentTimes, KpiReader, KpiWriter, StoredSurveyAnswer } from '../kpi-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface ChangeRow {
  asset_id: string;
  site_id: string | null;
  kind: AssetKind;
  at: string;
  health: Health;
  counted_health: Health;
  previous_health: Health;
  previous_counted_health: Health;
}

export function kpiStatements(sql: Prepare): Synchronous<KpiReader & KpiWriter> {
  return {
    listIncidentTimes(since: string, until: string): IncidentTimes[] {
      // Top-level only: an incident grouped under its cause is handled as that one is.
      return sql(
        `SELECT id, severity, site_id AS siteId, created_at AS createdAt, acknowledged_at AS acknowledgedAt, resolved_at AS resolvedAt
           FROM incidents
          WHERE drill_run_id IS NULL AND parent_id IS NULL AND created_at >= ? AND created_at < ?
          ORDER BY created_at, seq`,
      ).all(since, until) as (IncidentTimes & { severity: Severity })[];
    },

    listAssetHealthChanges(from: string): AssetHealthChange[] {
      const rows = sql('SELECT * FROM asset_health_history WHERE at >= ? ORDER BY at, seq').all(from) as ChangeRow[];
      return rows.map((r) => ({
        assetId: r.asset_id,
        siteId: r.site_id,
        kind: r.kind,
        at: r.at,
        health: r.health,
        countedHealth: r.counted_health,
        previousHealth: r.previous_health,
        previousCountedHealth: r.previous_counted_health,
      }));
    },

    listCountedAssets(kinds: readonly AssetKind[]): CountedAsset[] {
      const rows = sql(
        `SELECT a.id AS assetId, a.site_id AS siteId, a.kind AS kind,
                COALESCE((SELECT h.counted_health FROM asset_health_history h WHERE h.asset_id = a.id ORDER BY h.seq DESC LIMIT 1), a.health) AS countedHealth
           FROM assets a
          WHERE (SELECT count(*) FROM json_each(@kinds)) = 0 OR a.kind IN (SELECT value FROM json_each(@kinds))
          ORDER BY a.id`,
      ).all({ kinds: JSON.stringify(kinds) }) as CountedAsset[];
      return rows;
    },

    listSurveyAnswers(since: string, until: string): StoredSurveyAnswer[] {
      const rows = sql(
        `SELECT site_id, score, channel, at, received_at FROM survey_answers WHERE at >= ? AND at < ? ORDER BY at, seq`,
      ).all(since, until) as { site_id: string; score: number; channel: SurveyChannel; at: string; received_at: string }[];
      return rows.map((r) => ({ siteId: r.site_id, score: r.score, channel: r.channel, at: r.at, receivedAt: r.received_at }));
    },

    insertSurveyAnswers(answers: StoredSurveyAnswer[]): void {
      const insert = sql('INSERT INTO survey_answers (site_id, score, channel, at, received_at) VALUES (?, ?, ?, ?, ?)');
      for (const a of answers) insert.run(a.siteId, a.score, a.channel, a.at, a.receivedAt);
    },

    pruneKpiHistory(before: string): { healthChanges: number; surveyAnswers: number } {
      return {
        healthChanges: sql(
          'DELETE FROM asset_health_history WHERE at < ? AND seq NOT IN (SELECT max(seq) FROM asset_health_history GROUP BY asset_id COLLATE NOCASE)',
        ).run(before).changes,
        surveyAnswers: sql('DELETE FROM survey_answers WHERE at < ?').run(before).changes,
      };
    },
  };
}
