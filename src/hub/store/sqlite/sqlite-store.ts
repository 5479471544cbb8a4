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
import type { Store, StoreWriter } from '../store.js';
import { Mutex } from '../mutex.js';
import { migrate } from './migrations.js';
import { sqliteOperationsInScope, type SqliteOperations } from './operations.js';
import { asStorageFailure } from './storage-failure.js';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.js';
import { committed, createWriteTurns, letOthersWrite, nextCommit, waitToWrite, type WriteTurns } from './write-turns.js';

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

const isBusy = (e: unknown) => String((e as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_BUSY');

// How long a yielding connection lets the others go first, at most, before each transaction.
const YIELD_MAX_MS = 1_000;

/**
 * BEGIN IMMEDIATE, retried with a bounded backoff while another connection
 * writes — counted as waiting meanwhile, and woken when another connection
 * of this process commits (write-turns.ts).
 */
async function beginImmediate(db: Database.Database, timeoutMs: number, turns: WriteTurns): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let done: (() => void) | undefined;
  try {
    for (let waitMs = 1; ; waitMs = Math.min(waitMs * 2, 50)) {
      try {
        db.exec('BEGIN IMMEDIATE');
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() >= deadline) throw e;
      }
      done ??= waitToWrite(turns);
      await nextCommit(turns, waitMs);
    }
  } finally {
    done?.();
  }
}

/** Every method of `ops`, returning a promise, each call wrapped by `around`. */
function asynchronous<T extends object>(ops: SqliteOperations, around: <R>(call: () => R) => Promise<R>): T {
  return new Proxy(ops, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => around(() => (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  }) as unknown as T;
}

function neverCheckpoints(db: Database.Database): WalCheckpointer {
  db.pragma('wal_autocheckpoint = 0');
  return { close: async () => {} };
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
  const inTransaction = <R>(call: () => R) => Promise.resolve().then(call).catch(failed);
  const reader = asynchronous<Store>(ops, exclusive);
  // A revocation marks its transaction, so tokenRevision() moves once it commits.
  let revoking = false;
  let revocations = 0;
  const writer = asynchronous<StoreWriter>(
    {
      ...ops,
      revokeToken: (id: string, at: string) => {
        revoking = true;
        ops.revokeToken(id, at);
      },
    },
    inTransaction,
  );
  // Another connection's commits change it; this connection's own never do.
  const dataVersion = db.prepare('PRAGMA data_version').pluck();

  const transaction = <T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> =>
    mutex.run(async () => {
      if (options.yields) await letOthersWrite(turns, YIELD_MAX_MS);
      await beginImmediate(db, busyTimeoutMs, turns).catch(failed);
      transactionScope.begin();
      revoking = false;
      try {
        const result = await fn(writer);
        transactionScope.flush();
        db.exec('COMMIT');
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
        return `${revocations}:${String(dataVersion.get())}`;
      } catch (e) {
        return failed(e);
      }
    },
    recordStart: (at: string) =>
      transaction(async () => void sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(START_KEY, at)),
    // SQLite's online backup, inside the mutex: no transaction of ours is open
    // while pages are copied, and each one committed before is in the copy.
    // Writers wait for it (reads too: they share the queue), page by page
    // with the event loop free between steps.
    backupTo: (target: string) =>
      mutex
        .run(async () => {
          createPrivateFile(target);
          await db.backup(target);
        })
        .catch(failed),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await checkpointer.close();
      // Let queued work finish first.
      await mutex.run(() => db.close());
    },
  });
  turnsByStore.set(store, turns);
  return store;
}
