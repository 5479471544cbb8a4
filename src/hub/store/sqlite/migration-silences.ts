// Migration 19, in a file of its own so the steps other branches add beside it
// do not meet in one place: silences and maintenance windows, and the alerts
// they kept from opening incidents. Like every step, never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const SILENCES_MIGRATION: { version: number; name: string; sql: string } = {
  version: 19,
  name: 'silences and maintenance windows, and the alerts they silenced',
  // Independent of every other step. A maintenance window is a silence of a
  // site (kind maintenance) that starts ahead. Whether one is active is the
  // reader's clock against starts_at, ends_at and expired_at: nothing runs to
  // end it. revision grows with every write to the table, so a hub's compiled
  // matcher knows from one indexed read whether the set changed (another hub's
  // change too). silenced_alerts keeps one row per alert fingerprint.
  sql: `
    CREATE TABLE silences (
      seq           INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      kind          TEXT NOT NULL,
      site_id       TEXT,
      asset_id      TEXT,
      matchers      TEXT NOT NULL,   -- JSON [{label, op, value}]
      starts_at     TEXT NOT NULL,
      ends_at       TEXT NOT NULL,
      reason        TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      created_by    TEXT NOT NULL,   -- JSON ActorRef
      expired_at    TEXT,
      expired_by    TEXT,            -- JSON ActorRef
      drill_run_id  TEXT,
      revision      INTEGER NOT NULL
    );
    CREATE INDEX silences_ends ON silences(ends_at);
    CREATE INDEX silences_revision ON silences(revision);

    CREATE TABLE silenced_alerts (
      fingerprint  TEXT PRIMARY KEY,
      silence_id   TEXT NOT NULL,
      status       TEXT NOT NULL,
      title        TEXT NOT NULL,
      severity     TEXT NOT NULL,
      site_id      TEXT,
      asset_id     TEXT,
      labels       TEXT NOT NULL,   -- JSON
      first_at     TEXT NOT NULL,
      last_at      TEXT NOT NULL,
      count        INTEGER NOT NULL
    );
    CREATE INDEX silenced_alerts_silence ON silenced_alerts(silence_id);
  `,
};
