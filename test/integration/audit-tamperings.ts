// The ways an attacker with the hub's data file (and the hub stopped) can
// rewrite its audit log, each as raw SQL on a copy of the file — the list
// issue 10 found, five the chain alone caught and eight it did not. Shared by
// the test that shows each is detected, so the list lives in one place.
import type Database from 'better-sqlite3';
import { auditHash, GENESIS_HASH } from '../../src/hub/audit/chain.js';
import { auditFromRow, auditToRow, type AuditTableRow } from '../../src/hub/store/sqlite/rows.js';

export interface Tampering {
  name: string;
  /** Whether the chain alone (no checkpoints) already caught it before issue 10. */
  caughtByChainAlone: boolean;
  apply(db: Database.Database, lastSeq: number): void;
}

const rowsOf = (db: Database.Database) =>
  (db.prepare('SELECT * FROM audit ORDER BY seq').all() as AuditTableRow[]).map(auditFromRow);

function writeRows(db: Database.Database, rows: ReturnType<typeof rowsOf>): void {
  db.prepare('DELETE FROM audit').run();
  const insert = db.prepare(
    `INSERT INTO audit (seq, at, actor_id, actor_name, channel, action, target, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @channel, @action, @target, @detail, @prev_hash, @hash)`,
  );
  for (const row of rows) insert.run(auditToRow(row));
}

/** Renumbers the rows 1…n and recomputes every hash, as an attacker who read chain.ts would. */
function rechain(db: Database.Database, rows: ReturnType<typeof rowsOf>, moveHead = true): void {
  let prevHash = GENESIS_HASH;
  const chained = rows.map((row, i) => {
    const seq = i + 1;
    const hash = auditHash(prevHash, { ...row, seq });
    const out = { ...row, seq, prevHash, hash };
    prevHash = hash;
    return out;
  });
  writeRows(db, chained);
  if (moveHead) setHead(db, chained.at(-1));
}

function setHead(db: Database.Database, head: { seq: number; hash: string } | undefined): void {
  if (!head) db.prepare("DELETE FROM meta WHERE key = 'audit_head'").run();
  else db.prepare("UPDATE meta SET value = ? WHERE key = 'audit_head'").run(JSON.stringify({ seq: head.seq, hash: head.hash }));
}

const forged = (seq: number, prevHash: string) => {
  const fields = {
    seq,
    at: new Date().toISOString(),
    actor: { id: 'tok_1', name: 'bootstrap-admin' },
    channel: 'cli' as const,
    action: 'incident.note',
    target: 'INC-000001',
    detail: { text: 'nothing to see here' },
  };
  return { ...fields, prevHash, hash: auditHash(prevHash, fields) };
};

export const TAMPERINGS: Tampering[] = [
  {
    name: 'edit a row',
    caughtByChainAlone: true,
    apply: (db) => void db.prepare('UPDATE audit SET actor_name = ? WHERE seq = 3').run('someone-else'),
  },
  {
    name: 'edit a row and rehash only that row',
    caughtByChainAlone: true,
    apply(db) {
      const row = { ...rowsOf(db)[2]!, actor: { id: 'tok_9', name: 'someone-else' } };
      db.prepare('UPDATE audit SET actor_id = ?, actor_name = ?, hash = ? WHERE seq = 3').run(row.actor.id, row.actor.name, auditHash(row.prevHash, row));
    },
  },
  { name: 'delete a middle row', caughtByChainAlone: true, apply: (db) => void db.prepare('DELETE FROM audit WHERE seq = 3').run() },
  {
    name: 'delete the last rows',
    caughtByChainAlone: true,
    apply: (db, last) => void db.prepare('DELETE FROM audit WHERE seq >= ?').run(last - 1),
  },
  {
    name: 'swap two rows',
    caughtByChainAlone: true,
    apply(db) {
      db.prepare('UPDATE audit SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit SET seq = 3 WHERE seq = 4').run();
      db.prepare('UPDATE audit SET seq = 4 WHERE seq = -1').run();
    },
  },
  {
    name: 'delete the last rows and move the recorded head back',
    caughtByChainAlone: false,
    apply(db, last) {
      db.prepare('DELETE FROM audit WHERE seq >= ?').run(last - 1);
      setHead(db, rowsOf(db).at(-1));
    },
  },
  {
    name: 'delete the last rows and the recorded head',
    caughtByChainAlone: false,
    apply(db, last) {
      db.prepare('DELETE FROM audit WHERE seq >= ?').run(last - 1);
      setHead(db, undefined);
    },
  },
  {
    name: 'append a correctly chained forged row',
    caughtByChainAlone: false,
    apply(db) {
      const tail = rowsOf(db).at(-1)!;
      writeRows(db, [...rowsOf(db), forged(tail.seq + 1, tail.hash)]);
    },
  },
  {
    name: 'append a correctly chained forged row and move the head to it',
    caughtByChainAlone: false,
    apply(db) {
      const tail = rowsOf(db).at(-1)!;
      const row = forged(tail.seq + 1, tail.hash);
      writeRows(db, [...rowsOf(db), row]);
      setHead(db, row);
    },
  },
  {
    name: 'insert a middle row and recompute the chain',
    caughtByChainAlone: false,
    apply(db) {
      const rows = rowsOf(db);
      rechain(db, [...rows.slice(0, 3), forged(0, GENESIS_HASH), ...rows.slice(3)]);
    },
  },
  {
    name: 'reorder rows and recompute the chain',
    caughtByChainAlone: false,
    apply(db) {
      const rows = rowsOf(db);
      rechain(db, [...rows.slice(0, 2), rows[3]!, rows[2]!, ...rows.slice(4)]);
    },
  },
  {
    name: 'edit a row and recompute the whole chain',
    caughtByChainAlone: false,
    apply(db) {
      const rows = rowsOf(db);
      rows[2] = { ...rows[2]!, actor: { id: 'tok_9', name: 'someone-else' } };
      rechain(db, rows);
    },
  },
  {
    name: 'delete every row',
    caughtByChainAlone: false,
    apply(db) {
      db.prepare('DELETE FROM audit').run();
      setHead(db, undefined);
    },
  },
];
