// The embedded store: one SQLite file, one connection, writers serialised by
// a mutex around BEGIN IMMEDIATE … COMMIT.
import Database from 'better-sqlite3';
import type { Store, StoreWriter } from '../store.js';
import { Mutex } from '../mutex.js';
import { migrate } from './migrations.js';
import { sqliteOperations, type SqliteOperations } from './operations.js';

export interface SqliteStoreOptions {
  /** How long a statement waits for another process holding the file's lock. */
  busyTimeoutMs?: number;
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

export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  migrate(db);

  const ops = sqliteOperations(db);
  const mutex = new Mutex();
  let closed = false;

  // Reads also queue behind an open transaction so they never see its
  // uncommitted rows through the shared connection.
  const exclusive = <R>(call: () => R) => mutex.run(call);
  const inTransaction = <R>(call: () => R) => Promise.resolve().then(call);
  const reader = asynchronous<Store>(ops, exclusive);
  const writer = asynchronous<StoreWriter>(ops, inTransaction);

  const store: Store = Object.assign(Object.create(reader) as Store, {
    transaction<T>(fn: (tx: StoreWriter) => Promise<T>): Promise<T> {
      return mutex.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(writer);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      });
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // Let queued work finish first.
      await mutex.run(() => db.close());
    },
  });
  return store;
}
