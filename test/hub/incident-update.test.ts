// An officer's action writes only the incident's columns it changed (told the
// row as it was), and since migration 33 no index holds the state: an ack, an
// assignment or a resolve leaves the site's and the asset's indexes alone.
// What it must still do is what the full update did — the row reads back as
// the change, a lost race changes nothing, a move keeps the child counts —
// and the asset's queries must still search its index.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { migrate } from '../../src/hub/store/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/hub/store/sqlite/migrations.js';
import { sqliteOperations } from '../../src/hub/store/sqlite/operations.js';

const at = '2026-12-01T10:00:00.000Z';
const later = '2026-12-01T10:05:00.000Z';
const officer = { id: 'u-1', name: 'Officer One' };

function withStore(test: (db: Database.Database, ops: ReturnType<typeof sqliteOperations>) => void) {
  const db = new Database(':memory:');
  try {
    migrate(db);
    test(db, sqliteOperations(db));
  } finally {
    db.close();
  }
}

const draft = (title: string, parentId: string | null = null) => ({
  ...draftIncident({ title, severity: 'sev3', siteId: null, assetId: null, source: 'alertmanager', fingerprint: 'fp-' + title, labels: { team: 'gates' }, at }),
  parentId,
});

const acked = (i: Incident): Incident => ({ ...i, state: 'acknowledged', acknowledgedBy: officer, acknowledgedAt: later, updatedAt: later, version: i.version + 1 });

describe('an incident updated with the row it was read as', () => {
  it('names in SET only the columns that changed, reads back as the change, and a second update from the same version is a lost race', () => {
    withStore((db, ops) => {
      const before = ops.insertIncident(draft('gate 4 down'));
      // A trigger "OF" columns fires when its columns are named in SET, as SQLite rewrites their indexes then.
      db.exec(`CREATE TABLE named (col TEXT);
        CREATE TRIGGER site_named AFTER UPDATE OF site_id ON incidents BEGIN INSERT INTO named VALUES ('site_id'); END;
        CREATE TRIGGER state_named AFTER UPDATE OF state ON incidents BEGIN INSERT INTO named VALUES ('state'); END;`);
      const next = acked(before);
      expect(ops.updateIncident(next, before.version, before)).toBe(true);
      expect(db.prepare('SELECT col FROM named').pluck().all()).toEqual(['state']);
      expect(ops.getIncident(before.id)).toEqual(next);

      // Someone else's write came first: nothing of this one lands.
      const stale = { ...before, title: 'renamed', version: before.version + 1 };
      expect(ops.updateIncident(stale, before.version, before)).toBe(false);
      expect(ops.getIncident(before.id)).toEqual(next);
    });
  });

  it('writes a change of labels, severity and a cleared field as well as of state', () => {
    withStore((_db, ops) => {
      const before = ops.insertIncident(draft('reader 2 flapping'));
      const first = { ...acked(before), severity: 'sev1' as const, labels: { team: 'gates', gate: '4' } };
      expect(ops.updateIncident(first, before.version, before)).toBe(true);
      const second = { ...first, acknowledgedBy: null, acknowledgedAt: null, state: 'triggered' as const, flapping: true, version: first.version + 1 };
      expect(ops.updateIncident(second, first.version, first)).toBe(true);
      expect(ops.getIncident(before.id)).toEqual(second);
    });
  });

  it('moves a child to another parent (the full update), the counts kept', () => {
    withStore((_db, ops) => {
      const parent = ops.insertIncident(draft('link down'));
      const other = ops.insertIncident(draft('platform down'));
      const child = ops.insertIncident(draft('gate 1', parent.id));
      expect(ops.updateIncident({ ...child, parentId: other.id, version: 2 }, 1, child)).toBe(true);
      expect([ops.getIncident(parent.id)!.childCount, ops.getIncident(other.id)!.childCount]).toEqual([0, 1]);
      expect(ops.getIncident(child.id)!.parentId).toBe(other.id);
    });
  });
});

describe('migration 33', () => {
  it('leaves no index on the state; the site and the asset are indexed alone, and the asset queries still search by them', () => {
    withStore((db) => {
      const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_info('${index}')`).pluck().all();
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents'").pluck().all();
      expect(names).not.toContain('incidents_state');
      expect(columns('incidents_site')).toEqual(['site_id']);
      expect(columns('incidents_asset')).toEqual(['asset_id']);
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT id, parent_id FROM incidents WHERE asset_id = ? AND state <> 'resolved' ORDER BY seq LIMIT 1")
        .all('A-1') as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toContain('USING INDEX incidents_asset (asset_id=?)');
    });
  });
});
