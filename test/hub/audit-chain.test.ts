import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/model.js';
import { appendAudit, verifyAuditLog } from '../../src/hub/audit/audit-log.js';
import { chainRow, verifyChain } from '../../src/hub/audit/chain.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';

function chain(n: number): AuditEntry[] {
  const rows: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      chainRow(rows.at(-1), {
        at: `2026-01-01T00:00:0${i}.000Z`,
        actor: { id: 'tok_1', name: 'aisha' },
        channel: 'cli',
        action: 'incident.ack',
        target: `INC-00000${i}`,
        detail: { n: i, nested: { b: 1, a: 2 } },
      }),
    );
  }
  return rows;
}

describe('audit chain (pure)', () => {
  it('verifies an intact chain', () => {
    const rows = chain(5);
    expect(verifyChain(rows, rows.at(-1))).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('finds an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, detail: { n: 99 } };
    expect(verifyChain(rows).firstBroken).toMatchObject({ seq: 3, reason: expect.stringContaining('changed') });
  });

  it('finds a deleted row as a gap', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows).firstBroken).toMatchObject({ seq: 2, reason: expect.stringContaining('missing') });
  });

  it('finds reordered rows', () => {
    const rows = chain(5);
    // Swap the content of rows 2 and 3 but keep their seq numbers in place.
    const [r2, r3] = [rows[1]!, rows[2]!];
    rows[1] = { ...r3, seq: 2 };
    rows[2] = { ...r2, seq: 3 };
    expect(verifyChain(rows).ok).toBe(false);
    expect(verifyChain(rows).firstBroken!.seq).toBe(2);
  });

  it('finds rows cut from the end using the recorded head', () => {
    const rows = chain(5);
    const head = rows.at(-1)!;
    expect(verifyChain(rows.slice(0, 3), head).firstBroken).toMatchObject({ seq: 4 });
  });
});

describe('audit chain in SQLite, tampered with raw SQL', () => {
  let dir = '';
  let store: Store | undefined;

  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function storeWithRows(n: number): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    const file = join(dir, 'hub.sqlite');
    store = openSqliteStore(file);
    for (let i = 1; i <= n; i++) {
      await store.transaction((tx) =>
        appendAudit(tx, {
          at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          actor: { id: 'tok_1', name: 'aisha' },
          channel: 'cli',
          action: 'incident.note',
          target: 'INC-000001',
          detail: { text: `note ${i}` },
        }),
      );
    }
    return file;
  }

  function tamper(file: string, sql: string, ...params: unknown[]): void {
    const db = new Database(file);
    try {
      expect(db.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      db.close();
    }
  }

  it('passes untouched', async () => {
    await storeWithRows(4);
    expect(await verifyAuditLog(store!)).toEqual({ ok: true, checked: 4, firstBroken: null });
  });

  it('fails at the edited seq', async () => {
    const file = await storeWithRows(4);
    tamper(file, 'UPDATE audit SET detail = ? WHERE seq = 3', JSON.stringify({ text: 'nothing happened' }));
    expect((await verifyAuditLog(store!)).firstBroken).toMatchObject({ seq: 3 });
  });

  it('fails at a deleted row', async () => {
    const file = await storeWithRows(4);
    tamper(file, 'DELETE FROM audit WHERE seq = 2');
    expect((await verifyAuditLog(store!)).firstBroken).toMatchObject({ seq: 2 });
  });

  it('fails when the last row is deleted', async () => {
    const file = await storeWithRows(4);
    tamper(file, 'DELETE FROM audit WHERE seq = 4');
    expect((await verifyAuditLog(store!)).firstBroken).toMatchObject({ seq: 4 });
  });
});
