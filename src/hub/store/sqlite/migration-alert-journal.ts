// Migration 25, in a file of its own like 14 to 20: the alert journal. An
// intake request's alerts are written here (one transaction per group commit)
// before the sender is answered, so a 2xx means on disk; one applier turns
// them into incidents later and deletes each entry in the transaction that
// applied it, so an entry is applied once, and a hub killed in between
// applies what is left when it starts again. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const ALERT_JOURNAL_MIGRATION: { version: number; name: string; sql: string } = {
  version: 25,
  name: 'alert journal: alerts taken in, not yet applied',
  // Independent of every other step. entry: JSON { caller, webhook } as the
  // route parsed them (a v2 alert's firing or resolved is decided on receipt).
  // alerts: how many the entry carries, so the backlog is counted without parsing.
  // hub: the hub process that took it in, which applies it (and answers whoever
  // waits on it); another hub over the same file takes it only once orphaned.
  sql: `
    CREATE TABLE alert_journal (
      seq          INTEGER PRIMARY KEY,
      received_at  TEXT NOT NULL,
      alerts       INTEGER NOT NULL,
      entry        TEXT NOT NULL,
      hub          TEXT NOT NULL DEFAULT ''
    );
  `,
};
