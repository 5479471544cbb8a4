// The embedded store: one SQLite file, one connection, writers serialised by
// a mutex around BEGIN IMMEDIATE … COMMIT. Another connection to the same
// file (a second hub, or a second store in a test) holding the write lock
// makes BEGIN wait without blocking the event loop: better-sqlite3 is
// synchronous, so a busy wait inside SQLite would stall this process, and
// with it the very transaction the other store in it is waiting to commit.
// Storage failures (disk full, read-only, I/O errors, a lock held past the
// timeout) leave it as UnavailableError (storage-failure.ts).
import Database from 'better-sqlite3';
import { UnavailableError } from '../../../core/errors.js';
import { createPrivateFile } from '../../../core/private-file.js';
import { reportSpan, spansListened } from '../../../core/spans.js';
import type { JournalEntry, JournalOwner, Store, StoreWriter } from '../store.js';
import { Mutex } from '../mutex.js';
import { journalFileOf, openAlertJournalFile } from './alert-journal-file.js';
import { journalSeqFloor, legacyJournalEntries } from './alert-journal-statements.js';
import { migrate } from './migrate.js';
import { sqliteOperationsInScope, type SqliteOperations } from './operations.js';
import { asStorageFailure } from './storage-failure.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import { beginImmediate } from './begin-immediate.js';
import { committed, createWriteTurns, letOthersWrite, type WriteTurns } from './write-turns.js';
import { countCommitInThisThread, lookOncePerStretch } from './data-version-look.js';

export interface SqliteStoreOptions {
  /** How long opening, and each transaction's start, waits for another connection holding the file's write lock. */
  busyTimeoutMs?: number;
  /** Another connection in this process checkpoints the file (the journal's worker: journal-worker.ts); this one never does. */
  checkpointedElsewhere?: boolean;
  /** Shared with the other connection of this process (write-turns.ts); default: turns of its own. */
  turns?: WriteTurns;
  /** Whether this connection lets the others of this process write first (the journal's applier). */
  yields?: boolean;
}

const START_KEY = 'hub_started_at';

// How long a yielding connection lets the others go first, at most, before each transaction.
const YIELD_MAX_MS = 1_000;

type Operation = (...args: unknown[]) => unknown;

/** Every method of `ops`, each made into what `wrap` makes of it (built once, not looked up per call). */
function eachOperation<T extends object>(ops: SqliteOperations, wrap: (op: Operation) => Operation): T {
  const wrapped: Record<string, Operation> = {};
  for (const [key, op] of Object.entries(ops) as [string, Operation][]) wrapped[key] = wrap(op);
  return wrapped as T;
}

/** Every method of `ops`, returning a promise, each call wrapped by `around`. */
function asynchronous<T extends object>(ops: SqliteOperations, around: <R>(call: () => R) => Promise<R>): T {
  return eachOperation<T>(ops, (op) => (...args) => around(() => op.apply(ops, args)));
}

/**
 * Every method of `ops` as called inside the store's transaction: at once
 * (the transaction already holds the connection), its result or its storage
 * failure as a settled promise. Built once, not a closure and two promise
 * hops per call: the alert intake makes a few dozen calls an alert.
 */
function inTransaction<T extends object>(ops: SqliteOperations): T {
  return eachOperation<T>(ops, (op) => (...args) => {
    try {
      return Promise.resolve(op.apply(ops, args));
    } catch (e) {
      return Promise.reject(asStorageFailure(e));
    }
  });
}

function neverCheckpoints(db: Database.Database): WalCheckpointer {
  db.pragma('wal_autocheckpoint = 0');
  return { close: async () => {} };
}

/** Writes `entries` into the alert_journal table of the backup `target` (whose applied seqs then mean nothing). */
function carryJournal(target: string, entries: readonly JournalEntry[]): void {
  const copy = new Database(target);
  try {
    copy.transaction(() => {
      copy.exec('DELETE FROM alert_journal_applied');
      const insert = copy.prepare('INSERT INTO alert_journal (seq, received_at, alerts, entry, hub) VALUES (?, ?, ?, ?, ?)');
      for (const e of entries) insert.run(e.seq, e.receivedAt, e.alerts, e.entry, e.hub ?? '');
    })();
  } finally {
    copy.close();
  }
}

const turnsByStore = new WeakMap<Store, WriteTurns>();

/** The write turns of a store this module opened: what another connection of this process shares with it. */
export function writeTurnsOf(store: Store): WriteTurns | undefined {
  return turnsByStore.get(store);
}

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  // The audit log, incidents and token hashes: 0600, and SQLite's -wal and -shm follow the file's mode.
  createPrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -65536');
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const turns = options.turns ?? createWriteTurns();
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  migrate(db);
  // The journal in its file beside this one (alert-journal-file.ts); what an older hub left in this file's
  // table moves there first (kept in the journal file by seq, so a start killed half-way moves it once).
  const bare = (text: string) => db.prepare(text);
  const left = legacyJournalEntries(bare);
  const journal = openAlertJournalFile(journalFileOf(file), { busyTimeoutMs, checkpointedElsewhere: options.checkpointedElsewhere, adopt: left, seqAbove: journalSeqFloor(bare) });
  if (left.length > 0) bare('DELETE FROM alert_journal WHERE seq <= ?').run(left.at(-1)!.seq);
  // From here on only BEGIN can meet another writer (WAL readers never wait),
  // and it waits in beginImmediate, off the event loop.
  db.pragma('busy_timeout = 0');
  // Checkpoints (and their fsyncs) in a worker thread, not inside a COMMIT on the event loop.
  const checkpointer = options.checkpointedElsewhere ? neverCheckpoints(db) : startWalCheckpointer(db, file);

  const { ops, transactionScope } = sqliteOperationsInScope(db);
  const sql = (text: string) => db.prepare(text);
  const mutex = new Mutex();
  let closed = false;

  // Reads also queue behind an open transaction so they never see its
  // uncommitted rows through the shared connection.
  const failed = (e: unknown): never => {
    throw asStorageFailure(e);
  };
  const exclusive = <R>(call: () => R) => mutex.run(call).catch(failed);
  const reader = asynchronous<Store>(ops, exclusive);
  // A revocation marks its transaction, so tokenRevision() moves once it commits.
  let revoking = false;
  let revocations = 0;
  const writer = inTransaction<StoreWriter>({
    ...ops,
    revokeToken: (id: string, at: string) => {
      revoking = true;
      ops.revokeToken(id, at);
    },
  });
  // Another connection's commits change it; this connection's own never do. A look serves its whole stretch (data-version-look.ts).
  const dataVersionStatement = db.prepare('PRAGMA data_version').pluck();
  const dataVersion = lookOncePerStretch(() => dataVersionStatement.get() as number);

  const transaction = <T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      if (options.yields) await letOthersWrite(turns, YIELD_MAX_MS);
      await beginImmediate(db, busyTimeoutMs, turns).catch(failed);
      transactionScope.begin();
      revoking = false;
      try {
        const result = await fn(writer);
        transactionScope.flush();
        const committing = spansListened() ? performance.now() : 0;
        db.exec('COMMIT');
        countCommitInThisThread();
        if (committing) reportSpan('commit', committing, performance.now());
        committed(turns);
        if (revoking) revocations++;
        return result;
      } catch (e) {
        transactionScope.discard();
        if (db.inTransaction) db.exec('ROLLBACK');
        return failed(e);
      }
    });

  const store: Store = Object.assign(Object.create(reader) as Store, {
    transaction,
    // A write of its own, so it too waits for another connection's transaction instead of failing.
    // It is bookkeeping: storage that cannot take it now must not stop reads, so it is skipped.
    touchToken: (id: string, at: string) =>
      transaction((tx) => tx.touchToken(id, at)).catch((e: unknown) => {
        if (!(e instanceof UnavailableError)) throw e;
      }),
    tokenRevision: async () => {
      try {
        return `${revocations}:${String(dataVersion())}`;
      } catch (e) {
        return failed(e);
      }
    },
    appendJournal: journal.append,
    readJournal: async (maxAlerts: number, owner?: JournalOwner) => journal.read(maxAlerts, owner),
    pruneJournal: journal.prune,
    journalDepth: async () => journal.depth(),
    recordStart: (at: string) =>
      transaction(async () => void sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(START_KEY, at)),
    // SQLite's online backup, inside the mutex: no transaction of ours is open
    // while pages are copied, and each one committed before is in the copy.
    // Writers wait for it (reads too: they share the queue), page by page
    // with the event loop free between steps. The journal's entries not yet
    // applied go into the copy's own alert_journal table, which a hub started
    // on it moves to its journal file: a second connection holds the write
    // lock meanwhile, so no applier (the journal's worker) commits between
    // the entries read and the pages copied.
    backupTo: (target: string) =>
      mutex
        .run(async () => {
          createPrivateFile(target);
          // (An in-memory store has no other connection to it, nor writer but this one.)
          // Its wait for the lock is beginImmediate's, off the event loop (SQLite's own busy wait would block it).
          const holder = file === ':memory:' ? undefined : new Database(file, { timeout: 0 });
          try {
            if (holder) await beginImmediate(holder, busyTimeoutMs, turns);
            const applied = new Set(ops.journalApplied());
            const unapplied = journal.all().filter((e) => !applied.has(e.seq));
            await db.backup(target);
            holder?.exec('ROLLBACK');
            carryJournal(target, unapplied);
          } finally {
            holder?.close();
          }
        })
        .catch(failed),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await journal.close();
      await checkpointer.close();
      // Let queued work finish first.
      await mutex.run(() => db.close());
    },
  });
  turnsByStore.set(store, turns);
  return store;
}
