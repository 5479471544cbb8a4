// The SQLite statements of the alert journal (alert-journal-store.ts): appends
// in sequence order, reads from the oldest, prunes a prefix. The rowid is the
// order, so every statement walks the primary key.
import type { AlertJournalReader, AlertJournalWriter, JournalEntry, JournalOwner, NewJournalEntry } from '../alert-journal-store.js';

// An entry is the owner's to apply when it took it in, or when it was left (by
// a hub that stopped, or took none) since before `orphanedBefore`; no owner: all.
const OWNED = '(? IS NULL OR hub = ? OR hub = \'\' OR received_at < ?)';
const ownerArgs = (o: JournalOwner | undefined) => (o ? [o.hub, o.hub, o.orphanedBefore] : [null, null, null]);
import type { Prepare, Synchronous } from './prepare.js';

// Rows read per step while gathering a batch; a batch stops at its alert budget.
const READ_STEP = 256;

export function alertJournalStatements(sql: Prepare): Synchronous<AlertJournalReader & AlertJournalWriter> {
  return {
    journalDepth() {
      const row = sql('SELECT COUNT(*) AS entries, COALESCE(SUM(alerts), 0) AS alerts FROM alert_journal').get() as { entries: number; alerts: number };
      return { entries: row.entries, alerts: row.alerts };
    },

    appendJournal(entries: readonly NewJournalEntry[]): number[] {
      const insert = sql('INSERT INTO alert_journal (received_at, alerts, entry, hub) VALUES (?, ?, ?, ?)');
      return entries.map((e) => Number(insert.run(e.receivedAt, e.alerts, e.entry, e.hub ?? '').lastInsertRowid));
    },

    readJournal(maxAlerts: number, owner?: JournalOwner): JournalEntry[] {
      // The batch is chosen from the small columns; only its entries' text is read. (Reading the text of every
      // row of a step cost a backlog of 100-alert entries megabytes a batch, almost all of it thrown away.)
      const step = sql(`SELECT seq, alerts FROM alert_journal WHERE seq > ? AND ${OWNED} ORDER BY seq LIMIT ?`);
      let [last, alerts, full] = [0, 0, false];
      for (let after = 0; !full; ) {
        const rows = step.all(after, ...ownerArgs(owner), READ_STEP) as { seq: number; alerts: number }[];
        for (const r of rows) {
          full = last !== 0 && alerts + r.alerts > maxAlerts;
          if (full) break;
          [last, alerts] = [r.seq, alerts + r.alerts];
        }
        if (rows.length < READ_STEP) break;
        after = rows.at(-1)!.seq;
      }
      if (last === 0) return [];
      const rows = sql(`SELECT seq, received_at, alerts, entry FROM alert_journal WHERE seq <= ? AND ${OWNED} ORDER BY seq`).all(last, ...ownerArgs(owner)) as {
        seq: number;
        received_at: string;
        alerts: number;
        entry: string;
      }[];
      return rows.map((r) => ({ seq: r.seq, receivedAt: r.received_at, alerts: r.alerts, entry: r.entry }));
    },

    pruneJournal(throughSeq: number, owner?: JournalOwner): number {
      return sql(`DELETE FROM alert_journal WHERE seq <= ? AND ${OWNED}`).run(throughSeq, ...ownerArgs(owner)).changes;
    },
  };
}
