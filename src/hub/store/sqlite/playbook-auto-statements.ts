// The SQLite statements of auto-runs: the switch (a row of hub_settings) and
// the claims (a row of playbook_auto_runs per incident and playbook).
import type { ActorRef, AutoRunSetting } from '../../../core/model.js';
import type { PlaybookAutoReader, PlaybookAutoWriter } from '../playbook-auto-store.js';
import type { Prepare, Synchronous } from './prepare.js';

const AUTO_RUNS = 'playbook.auto-runs';

interface SettingRow {
  value: string;
  changed_at: string;
  changed_by: string;
}

export function playbookAutoStatements(sql: Prepare): Synchronous<PlaybookAutoReader & PlaybookAutoWriter> {
  return {
    getAutoRunSetting(): AutoRunSetting {
      const row = sql('SELECT value, changed_at, changed_by FROM hub_settings WHERE key = ?').get(AUTO_RUNS) as SettingRow | undefined;
      if (!row) return { enabled: false, changedAt: null, changedBy: null };
      return { enabled: JSON.parse(row.value) === true, changedAt: row.changed_at, changedBy: JSON.parse(row.changed_by) as ActorRef };
    },

    setAutoRunSetting(setting): void {
      sql(
        `INSERT INTO hub_settings (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by`,
      ).run(AUTO_RUNS, JSON.stringify(setting.enabled), setting.changedAt, JSON.stringify(setting.changedBy));
    },

    claimAutoRun({ incidentId, playbookId, runId, at }): boolean {
      const result = sql(
        `INSERT INTO playbook_auto_runs (incident_id, playbook_id, run_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (incident_id, playbook_id) DO NOTHING`,
      ).run(incidentId, playbookId, runId, at);
      return result.changes > 0;
    },

    hasAutoRun(incidentId: string, playbookId: string): boolean {
      return sql('SELECT 1 FROM playbook_auto_runs WHERE incident_id = ? AND playbook_id = ?').get(incidentId, playbookId) !== undefined;
    },
  };
}
