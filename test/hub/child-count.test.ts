// A parent's child count is a column since migration 27: counted once from
// the rows when the step runs, then kept on every write that adds (the store's
// insert, since migration 30), moves or removes (triggers) a child — always
// what a COUNT(*) would say.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { migrate } from '../../src/hub/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/hub/store/sqlite/migrations.js';
import { sqliteOperations } from '../../src/hub/store/sqlite/operations.js';

const at = '2026-12-01T10:00:00.000Z';
const draft = (title: string, parentId: string | null = null) => ({
  ...draftIncident({ title, severity: 'sev3', siteId: null, assetId: null, source: 'alertmanager', fingerprint: null, labels: {}, at }),
  parentId,
});

/** Each incident's stored child count beside the count of rows naming it parent. */
const counts = (db: Database.Database) =>
  db
    .prepare('SELECT id, child_count AS kept, (SELECT COUNT(*) FROM incidents c WHERE c.parent_id = incidents.id) AS rows FROM incidents ORDER BY seq')
    .all() as { id: string; kept: number; rows: number }[];

describe('the child count kept on the parent', () => {
  it('is counted from the rows by migration 27, then kept by every insert (the store, migration 30), move and delete', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version < 27));
      // Rows as a hub before migration 27 wrote them (today's insert keeps a column they had not).
      const before = db.prepare(
        `INSERT INTO incidents (seq, id, title, severity, state, source, labels, created_at, updated_at, version, parent_id)
         VALUES (?, ?, ?, 'sev3', 'open', 'alertmanager', '{}', ?, ?, 1, ?)`,
      );
      before.run(1, 'INC-000001', 'parent', at, at, null);
      before.run(2, 'INC-000002', 'child 1', at, at, 'INC-000001');
      before.run(3, 'INC-000003', 'child 2', at, at, 'INC-000001');
      db.prepare("UPDATE meta SET value = '3' WHERE key = 'incident_seq'").run();
      expect(migrate(db)).toBe(MIGRATIONS.filter((m) => m.version >= 27).length);

      const ops = sqliteOperations(db);
      const parent = ops.getIncident('INC-000001')!;
      expect(parent.childCount).toBe(2);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incidents' ORDER BY name").pluck().all()).toEqual([
        'incidents_child_moved',
        'incidents_child_removed',
      ]);
      const other = ops.insertIncident(draft('other parent'));
      const third = ops.insertIncident(draft('child 3', parent.id));
      expect(ops.getIncident(parent.id)!.childCount).toBe(3);

      // Moved to another parent; then a write that leaves the parent as it is.
      expect(ops.updateIncident({ ...third, parentId: other.id, version: 2 }, 1)).toBe(true);
      expect(ops.updateIncident({ ...ops.getIncident(third.id)!, state: 'acknowledged', version: 3 }, 2)).toBe(true);
      expect([ops.getIncident(parent.id)!.childCount, ops.getIncident(other.id)!.childCount]).toEqual([2, 1]);

      // Taken from under its parent, and a row removed outright.
      const [first] = ops.listIncidents({ parentId: parent.id });
      expect(ops.updateIncident({ ...first!, parentId: null, version: first!.version + 1 }, first!.version)).toBe(true);
      db.prepare('DELETE FROM incidents WHERE id = ?').run(third.id);
      expect([ops.getIncident(parent.id)!.childCount, ops.getIncident(other.id)!.childCount]).toEqual([1, 0]);

      for (const c of counts(db)) expect(c.kept, c.id).toBe(c.rows);
    } finally {
      db.close();
    }
  });
});
