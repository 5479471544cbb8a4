// Migration 15, in a file of its own: what drills leave behind. Like every
// step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const DRILLS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 15,
  name: 'drills: the clock a drill runs on, its scorecard, the assets it injected into, drill incidents',
  // Independent of every other step but 14 (it extends the runs table).
  // A drill's run keeps the clock factor it started with (the demo world's
  // speed), so its waits and its scorecard stay on one clock. A scorecard is
  // stored once, when the drill ends, with the version it ran: history
  // survives later edits of the playbook. An inject step marks its asset
  // before it injects, so an incident the fault opens is known as the
  // drill's; that incident carries the drill run's id.
  sql: `
    ALTER TABLE playbook_runs ADD COLUMN drill_speed REAL;

    CREATE TABLE drill_scores (
      run_id            TEXT PRIMARY KEY REFERENCES playbook_runs(id),
      playbook_id       TEXT NOT NULL,
      playbook_version  INTEGER NOT NULL,
      ended_at          TEXT NOT NULL,
      scorecard         TEXT NOT NULL  -- JSON
    );
    CREATE INDEX drill_scores_playbook ON drill_scores(playbook_id, ended_at);

    CREATE TABLE drill_marks (
      run_id     TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id    TEXT NOT NULL,
      attempt    INTEGER NOT NULL,
      asset_id   TEXT NOT NULL COLLATE NOCASE,
      marked_at  TEXT NOT NULL,
      PRIMARY KEY (run_id, step_id, attempt)
    );
    CREATE INDEX drill_marks_asset ON drill_marks(asset_id, marked_at);

    ALTER TABLE incidents ADD COLUMN drill_run_id TEXT;
  `,
};
