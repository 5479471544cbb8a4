// The SQLite statements of the data file's side of the alert journal
// (alert-journal-store.ts): the seqs of entries applied, which the journal's
// own file (alert-journal-file.ts) may still hold until they are pruned; and,
// read once at open, the entries an older hub left in the data file's own
// alert_journal table (migrations 25, 28), which the store moves to the
// journal file.
import type { AlertJournalWriter, JournalEntry } from '../alert-journal-store.js';
import type { Prepare, Synchronous } from './prepare.js';

export function alertJournalStatements(sql: Prepare): Synchronous<AlertJournalWriter> {
  return {
    journalApplied: () => sql('SELECT seq FROM alert_journal_applied ORDER BY seq').pluck().all() as number[],
    markJournalApplied(seqs) {
      const insert = sql('INSERT OR IGNORE INTO alert_journal_applied (seq) VALUES (?)');
      for (const seq of seqs) insert.run(seq);
    },
    forgetJournalApplied(seqs) {
      if (seqs.length > 0) sql('DELETE FROM alert_journal_applied WHERE seq IN (SELECT value FROM json_each(?))').run(JSON.stringify(seqs));
    },
  };
}

/** What the data file's alert_journal table still holds (left by a hub from before the journal had a file of its own). */
export function legacyJournalEntries(sql: Prepare): JournalEntry[] {
  const rows = sql('SELECT seq, received_at, alerts, entry, hub FROM alert_journal ORDER BY seq').all() as { seq: number; received_at: string; alerts: number; entry: string; hub: string }[];
  return rows.map((r) => ({ seq: r.seq, receivedAt: r.received_at, alerts: r.alerts, entry: r.entry, hub: r.hub }));
}

/** The highest seq the data file may remember: a journal file made anew starts above it. */
export function journalSeqFloor(sql: Prepare): number {
  const used = sql("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = 'alert_journal'").pluck().get() as number;
  const applied = sql('SELECT COALESCE(MAX(seq), 0) FROM alert_journal_applied').pluck().get() as number;
  return Math.max(used, applied);
}
