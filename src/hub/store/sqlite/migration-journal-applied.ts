// Migration 29, in a file of its own like 14 to 28: the alert journal moved to
// a file of its own beside the data file (alert-journal-file.ts), so that
// taking alerts in never waits on the write lock the applier holds here. What
// ties the two files together is this table: the seqs of journal entries
// applied, written in the transaction that applied them, so an entry the
// journal file still holds (a hub killed before it pruned it) is never applied
// twice. A seq stays only until its entry is pruned from the journal file.
// The alert_journal table of migrations 25 and 28 stays: entries found in it
// at start (left by an older hub, or carried by a backup) are moved to the
// journal file. Never edited once released.

/** A Migration (migrations.ts), spelled out here so the two files do not import each other. */
export const JOURNAL_APPLIED_MIGRATION: { version: number; name: string; sql: string } = {
  version: 29,
  name: 'alert journal: the seqs applied, while the journal file still holds them',
  // After migration 28. Empty at first: every entry left in alert_journal is unapplied.
  sql: `
    CREATE TABLE alert_journal_applied (
      seq  INTEGER PRIMARY KEY
    );
  `,
};
