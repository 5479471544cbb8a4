// Migration 28, in a file of its own like 14 to 27: the alert journal's seq
// never used twice. Without AUTOINCREMENT SQLite gives a new row the largest
// rowid plus one, so once the applier pruned the journal empty the next entry
// was seq 1 again. With the applier in its own thread (incidents/journal-worker.ts)
// the hub's thread may append that entry before it has heard how the last
// entry of that seq ended — and a waiting request would hear of another
// request's alerts, or of none. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const JOURNAL_SEQ_MIGRATION: { version: number; name: string; sql: string } = {
  version: 28,
  name: 'alert journal: seq never reused (AUTOINCREMENT)',
  // After migration 25. The entries left keep their seqs; the new ones follow the largest.
  sql: `
    CREATE TABLE alert_journal_seq (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      received_at  TEXT NOT NULL,
      alerts       INTEGER NOT NULL,
      entry        TEXT NOT NULL,
      hub          TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO alert_journal_seq (seq, received_at, alerts, entry, hub) SELECT seq, received_at, alerts, entry, hub FROM alert_journal;
    DROP TABLE alert_journal;
    ALTER TABLE alert_journal_seq RENAME TO alert_journal;
  `,
};
