// What every file of SQLite statements shares: a cache of prepared
// statements (preparing is the costly part; each SQL text is prepared once
// per connection) and the synchronous twin of a domain's async interface.
import type Database from 'better-sqlite3';

/** Prepares `sql` once per connection, then hands back the same statement. */
export type Prepare = (sql: string) => Database.Statement;

export function statementCache(db: Database.Database): Prepare {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let s = statements.get(text);
    if (!s) {
      s = db.prepare(text);
      statements.set(text, s);
    }
    return s;
  };
}

/** The synchronous twin of an async interface: what better-sqlite3 statements implement. */
export type Synchronous<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never;
};
