// The alert journal in a SQLite file of its own beside the data file
// (`<data>.journal`), with its own connection and its own write lock. In the
// data file the intake's appends waited on SQLite's one write lock while the
// journal's applier held it for a batch (bench/intake.mjs, profiled: the
// accepting thread idle more than half the time); here an append only ever
// meets another append or a prune, each a moment long. WAL with
// synchronous=NORMAL like the data file: a commit is written to the WAL
// before the sender is answered, so a SIGKILL loses nothing.
//
// Exactly once across the two files: the applier records the seqs it applied
// in the data file in the transaction that applies them (alert_journal_applied,
// migration 29), prunes them from here after that commit, and forgets them in
// its next transaction. An entry whose seq is recorded as applied is pruned,
// never applied again (a hub killed between the commit and the prune).
import Database from 'better-sqlite3';
import { createPrivateFile } from '../../../core/private-file.js';
import type { JournalEntry, JournalOwner, NewJournalEntry } from '../alert-journal-store.js';
import { Mutex } from '../mutex.js';
import { beginImmediate } from './begin-immediate.js';
import { asStorageFailure } from './storage-failure.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import { committed, createWriteTurns } from './write-turns.js';

/** The journal's file beside a data file (an in-memory store's journal is in memory too). */
export const journalFileOf = (dataFile: string): string => (dataFile === ':memory:' || dataFile === '' ? ':memory:' : `${dataFile}.journal`);

export interface AlertJournalFile {
  /** Appends the entries in one transaction, in order; their seqs (also to `committed`, at once: see AlertJournal). */
  append(entries: readonly NewJournalEntry[], committed?: (seqs: number[]) => void): Promise<number[]>;
  /** The oldest entries `owner` may apply (or any): at least one, then more while their alerts stay within `maxAlerts`. */
  read(maxAlerts: number, owner?: JournalOwner): JournalEntry[];
  /** Deletes these entries (applied, or dropped); how many went. */
  prune(seqs: readonly number[]): Promise<number>;
  /** Entries held and the alerts they carry. */
  depth(): { entries: number; alerts: number };
  /** Every entry, oldest first (a backup's copy). */
  all(): JournalEntry[];
  close(): Promise<void>;
}

export interface AlertJournalFileOptions {
  busyTimeoutMs: number;
  /** Another connection in this process checkpoints the file (the journal's worker); this one never does. */
  checkpointedElsewhere?: boolean | undefined;
  /** Entries taken in (those the data file held before the journal had a file of its own, or a backup carried), with new seqs. */
  adopt?: readonly JournalEntry[] | undefined;
  /** New entries get seqs above this (a journal file made anew must not reuse a seq the data file may remember). */
  seqAbove?: number | undefined;
}

// An entry is the owner's to apply when it took it in, or when it was left (by
// a hub that stopped, or took none) since before `orphanedBefore`; no owner: all.
const OWNED = "(? IS NULL OR hub = ? OR hub = '' OR received_at < ?)";
const ownerArgs = (o: JournalOwner | undefined) => (o ? [o.hub, o.hub, o.orphanedBefore] : [null, null, null]);

// Rows read per step while gathering a batch; a batch stops at its alert budget.
const READ_STEP = 256;

interface Row {
  seq: number;
  received_at: string;
  alerts: number;
  entry: string;
  hub: string;
}
const entryOf = (r: Row): JournalEntry => ({ seq: r.seq, receivedAt: r.received_at, alerts: r.alerts, entry: r.entry, hub: r.hub });

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS alert_journal (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at  TEXT NOT NULL,
    alerts       INTEGER NOT NULL,
    entry        TEXT NOT NULL,
    hub          TEXT NOT NULL DEFAULT ''
  );
`;

export function openAlertJournalFile(file: string, options: AlertJournalFileOptions): AlertJournalFile {
  createPrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  db.exec(SCHEMA);
  db.transaction(() => {
    const floor = options.seqAbove ?? 0;
    const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'alert_journal'").get() as { seq: number } | undefined;
    if (row === undefined && floor > 0) db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('alert_journal', ?)").run(floor);
    else if (row !== undefined && row.seq < floor) db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'alert_journal'").run(floor);
    // New seqs (the old ones may name entries of this file, or seqs recorded as applied); one already moved is
    // known by its content (a start killed between this commit and the data file's delete moves it once).
    const moved = db.prepare('SELECT 1 FROM alert_journal WHERE received_at = ? AND entry = ? AND hub = ?').pluck();
    const insert = db.prepare('INSERT INTO alert_journal (received_at, alerts, entry, hub) VALUES (?, ?, ?, ?)');
    for (const e of options.adopt ?? []) if (moved.get(e.receivedAt, e.entry, e.hub ?? '') === undefined) insert.run(e.receivedAt, e.alerts, e.entry, e.hub ?? '');
  }).immediate();
  // From here on only BEGIN can meet another writer, and it waits in beginImmediate, off the event loop.
  db.pragma('busy_timeout = 0');
  const checkpointer: WalCheckpointer =
    options.checkpointedElsewhere || file === ':memory:' ? (db.pragma('wal_autocheckpoint = 0'), { close: async () => {} }) : startWalCheckpointer(db, file);
  // Its own turns: its writers are short (an append, a prune), so a waiting one only backs off briefly.
  const turns = createWriteTurns();
  const mutex = new Mutex();

  const insert = db.prepare('INSERT INTO alert_journal (received_at, alerts, entry, hub) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM alert_journal WHERE seq IN (SELECT value FROM json_each(?))');
  const step = db.prepare(`SELECT seq, alerts FROM alert_journal WHERE seq > ? AND ${OWNED} ORDER BY seq LIMIT ?`);
  const through = db.prepare(`SELECT seq, received_at, alerts, entry, hub FROM alert_journal WHERE seq <= ? AND ${OWNED} ORDER BY seq`);
  const depth = db.prepare('SELECT COUNT(*) AS entries, COALESCE(SUM(alerts), 0) AS alerts FROM alert_journal');

  /** `write` in one transaction of its own, waiting (off the event loop) for another writer of the file. */
  const written = <T>(write: () => T, after?: (result: T) => void): Promise<T> =>
    mutex
      .run(async () => {
        await beginImmediate(db, options.busyTimeoutMs, turns);
        try {
          const result = write();
          db.exec('COMMIT');
          committed(turns);
          after?.(result);
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      })
      .catch((e: unknown) => {
        throw asStorageFailure(e);
      });

  const failing = <T>(read: () => T): T => {
    try {
      return read();
    } catch (e) {
      throw asStorageFailure(e);
    }
  };

  return {
    append: (entries, then) => written(() => entries.map((e) => Number(insert.run(e.receivedAt, e.alerts, e.entry, e.hub ?? '').lastInsertRowid)), then),

    read: (maxAlerts, owner) =>
      failing(() => {
        // The batch is chosen from the small columns; only its entries' text is read. (Reading the text of every
        // row of a step cost a backlog of 100-alert entries megabytes a batch, almost all of it thrown away.)
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
        return last === 0 ? [] : (through.all(last, ...ownerArgs(owner)) as Row[]).map(entryOf);
      }),

    prune: (seqs) => (seqs.length === 0 ? Promise.resolve(0) : written(() => remove.run(JSON.stringify(seqs)).changes)),

    depth: () => failing(() => depth.get() as { entries: number; alerts: number }),

    all: () => failing(() => (db.prepare('SELECT seq, received_at, alerts, entry, hub FROM alert_journal ORDER BY seq').all() as Row[]).map(entryOf)),

    async close() {
      await checkpointer.close();
      await mutex.run(() => db.close());
    },
  };
}
