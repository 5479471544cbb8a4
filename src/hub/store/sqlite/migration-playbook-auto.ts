// Migration 17, in a file of its own like 14: auto-runs. 15 and 16 are taken
// by work on other branches (drills, chat); never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const PLAYBOOK_AUTO_MIGRATION: { version: number; name: string; sql: string } = {
  version: 17,
  name: 'playbook auto-runs: the admin\'s switch, and one auto-run per incident and playbook',
  // Independent of every other step. hub_settings holds switches an admin
  // flips (one row per key, absent = the default). playbook_auto_runs is the
  // claim that makes an auto-run happen once per (incident, playbook) whichever
  // hub sees the incident and however often it matches: the primary key.
  sql: `
    CREATE TABLE hub_settings (
      key         TEXT PRIMARY KEY,
      value       TEXT NOT NULL,   -- JSON
      changed_at  TEXT NOT NULL,
      changed_by  TEXT NOT NULL    -- JSON ActorRef
    );

    CREATE TABLE playbook_auto_runs (
      incident_id  TEXT NOT NULL,
      playbook_id  TEXT NOT NULL,
      run_id       TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      PRIMARY KEY (incident_id, playbook_id)
    );
  `,
};
