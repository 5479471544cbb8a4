// WAL checkpoints in a worker thread: the hub's connection never checkpoints
// inside a COMMIT (its fsyncs would block the event loop), yet the WAL is
// still copied into the database file once it grows, and nothing is lost.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startWalCheckpointer, type WalCheckpointer } from '../../src/hub/store/sqlite/wal-checkpointer.js';
import { waitUntil } from '../helpers/wait-until.js';

let dir = '';
let file = '';
let db: Database.Database;
let checkpointer: WalCheckpointer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-wal-'));
  file = join(dir, 'hub.sqlite');
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
});

afterEach(async () => {
  await checkpointer?.close();
  checkpointer = undefined;
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (n: number) => {
  const insert = db.prepare('INSERT INTO rows (body) VALUES (?)');
  for (let i = 0; i < n; i++) insert.run('x'.repeat(1_000));
};
const dbBytes = () => statSync(file).size;

it("turns off the connection's own checkpoints, and checkpoints from a worker once the WAL passes the threshold", async () => {
  checkpointer = startWalCheckpointer(db, file, { thresholdBytes: 64 * 1024, everyMs: 10 });
  expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  const before = dbBytes();
  // About 2 MB: SQLite's own threshold (1,000 pages) would have checkpointed within the COMMITs.
  write(2_000);
  // Nothing reached the database file in the commits themselves…
  expect(dbBytes()).toBe(before);
  // …the worker copies it there.
  await waitUntil(() => dbBytes() > 1_000_000, { what: 'the WAL checkpointed into the database file', timeoutMs: 10_000, intervalMs: 20 });
  expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 2_000 });
});

it('starts no worker for a WAL under the threshold, and closes cleanly either way', async () => {
  checkpointer = startWalCheckpointer(db, file, { thresholdBytes: 64 * 1024 * 1024, everyMs: 10 });
  const before = dbBytes();
  write(200);
  await new Promise((r) => setTimeout(r, 100));
  expect(dbBytes()).toBe(before);
  await checkpointer.close();
  checkpointer = undefined;
  db.close();
  const again = new Database(file, { readonly: true });
  expect(again.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 200 });
  again.close();
});
