// Migration 14, in a file of its own for its size: the playbook runner's
// tables. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const PLAYBOOK_RUNS_MIGRATION: { version: number; name: string; sql: string } = {
  version: 14,
  name: 'playbook runs: the durable runner\'s journal, its timers, and site modes',
  // Independent of every other step (the playbook versions table is another
  // step's; 11 to 13 were taken by work on other branches). A run row
  // freezes the definition it started with; a step attempt row is written
  // when the attempt starts and again when it ends, so a hub that dies
  // mid-step leaves it `started` for the next to find. The owner, lease and
  // fence on the run row keep two hubs from driving one run: each claim
  // bumps the fence and every write of the runner checks it.
  sql: `
    CREATE TABLE playbook_runs (
      seq               INTEGER PRIMARY KEY,
      id                TEXT NOT NULL UNIQUE,
      playbook_id       TEXT NOT NULL,
      playbook_version  INTEGER NOT NULL,
      playbook_hash     TEXT NOT NULL,
      definition        TEXT NOT NULL, -- JSON, frozen at start
      inputs            TEXT NOT NULL, -- JSON
      status            TEXT NOT NULL, -- running|waiting|paused|succeeded|failed|aborted
      waiting_on        TEXT,
      reason            TEXT,
      cursor            TEXT,          -- the step the run is at
      cursor_attempt    INTEGER NOT NULL DEFAULT 1,
      incident_id       TEXT,
      site_id           TEXT,
      drill             INTEGER NOT NULL,
      started_by_id     TEXT NOT NULL,
      started_by        TEXT NOT NULL,
      started_by_role   TEXT NOT NULL,
      channel           TEXT NOT NULL,
      -- A person who asked for the next attempt (a retry): it acts as them.
      requested_by_id   TEXT,
      requested_by      TEXT,
      requested_by_role TEXT,
      started_at        TEXT NOT NULL,
      updated_at        TEXT NOT NULL,
      ended_at          TEXT,
      owner             TEXT,          -- the hub driving it now (host:pid:instance), or null
      lease_expires_at  INTEGER,       -- ms since the epoch
      fence             INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX playbook_runs_status ON playbook_runs(status, seq);
    CREATE INDEX playbook_runs_playbook ON playbook_runs(playbook_id, playbook_hash);

    CREATE TABLE playbook_step_attempts (
      run_id           TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id          TEXT NOT NULL,
      attempt          INTEGER NOT NULL,
      seq              INTEGER NOT NULL, -- order of attempts within the run
      status           TEXT NOT NULL,    -- started|done|failed|skipped
      output           TEXT,             -- JSON
      error            TEXT,
      started_at       TEXT NOT NULL,
      ended_at         TEXT,
      actor_id         TEXT NOT NULL,
      actor_name       TEXT NOT NULL,
      channel          TEXT NOT NULL,
      idempotency_key  TEXT,
      recoveries       INTEGER NOT NULL DEFAULT 0,
      runner_ms        REAL,
      PRIMARY KEY (run_id, step_id, attempt)
    ) WITHOUT ROWID;
    CREATE INDEX playbook_step_attempts_order ON playbook_step_attempts(run_id, seq);

    -- One decision per person per attempt of an approval step.
    CREATE TABLE playbook_approvals (
      run_id      TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id     TEXT NOT NULL,
      attempt     INTEGER NOT NULL,
      actor_id    TEXT NOT NULL,
      actor_name  TEXT NOT NULL,
      channel     TEXT NOT NULL,
      decision    TEXT NOT NULL, -- approved|rejected
      reason      TEXT,
      at          TEXT NOT NULL,
      PRIMARY KEY (run_id, step_id, attempt, actor_id)
    ) WITHOUT ROWID;

    CREATE TABLE playbook_checklist (
      run_id      TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id     TEXT NOT NULL,
      attempt     INTEGER NOT NULL,
      item        INTEGER NOT NULL,
      actor_id    TEXT NOT NULL,
      actor_name  TEXT NOT NULL,
      channel     TEXT NOT NULL,
      at          TEXT NOT NULL,
      PRIMARY KEY (run_id, step_id, attempt, item)
    ) WITHOUT ROWID;

    CREATE TABLE playbook_notes (
      id          INTEGER PRIMARY KEY,
      run_id      TEXT NOT NULL REFERENCES playbook_runs(id),
      at          TEXT NOT NULL,
      actor_id    TEXT NOT NULL,
      actor_name  TEXT NOT NULL,
      channel     TEXT NOT NULL,
      text        TEXT NOT NULL
    );
    CREATE INDEX playbook_notes_run ON playbook_notes(run_id, id);

    -- What a notify step leaves for the chat bot to post: one per step attempt.
    CREATE TABLE playbook_notifications (
      id          INTEGER PRIMARY KEY,
      run_id      TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id     TEXT NOT NULL,
      attempt     INTEGER NOT NULL,
      channel     TEXT,
      role        TEXT,
      message_en  TEXT NOT NULL,
      message_ar  TEXT NOT NULL,
      drill       INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      UNIQUE (run_id, step_id, attempt)
    );

    -- A wait, a retry's delay or a timeout: a row with a due time, so nothing
    -- in a process holds it, and a hub that starts later still keeps it.
    CREATE TABLE playbook_timers (
      id       INTEGER PRIMARY KEY,
      run_id   TEXT NOT NULL REFERENCES playbook_runs(id),
      step_id  TEXT NOT NULL,
      attempt  INTEGER NOT NULL,
      kind     TEXT NOT NULL,    -- wake|retry|timeout
      due_at   INTEGER NOT NULL, -- ms since the epoch
      UNIQUE (run_id, step_id, attempt, kind)
    );
    CREATE INDEX playbook_timers_due ON playbook_timers(due_at);

    -- A site's mode, or the fleet's (site_id 'fleet'); a site in normal mode has no row.
    CREATE TABLE site_modes (
      site_id      TEXT PRIMARY KEY COLLATE NOCASE,
      mode         TEXT NOT NULL,
      since        TEXT NOT NULL,
      set_by_id    TEXT NOT NULL,
      set_by       TEXT NOT NULL,
      run_id       TEXT,
      drill        INTEGER NOT NULL DEFAULT 0
    );

    INSERT INTO meta(key, value) VALUES ('playbook_run_seq', '0');
  `,
};
