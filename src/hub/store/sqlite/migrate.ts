// Applies the schema's migrations (migrations.ts) that a data file has not
// seen yet, each in its own immediate transaction, recording each by version.
// Apart from the list itself so that the list can grow without this moving.
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

/** Applies the migrations this database has not seen yet; returns how many ran. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
  )`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)');
  let ran = 0;
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }).immediate();
    ran++;
  }
  return ran;
}
