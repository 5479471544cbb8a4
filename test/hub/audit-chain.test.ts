import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/core/model.js';
import { verifyAuditLog } from '../../src/hub/audit/audit-log.js';
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
        tx.appendAudit({
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

describe('audit append inside the store transaction', () => {
  let dir = '';
  const stores: Store[] = [];

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (file: string) => {
    const s = openSqliteStore(file);
    stores.push(s);
    return s;
  };
  const record = (text: string) => ({
    at: '2026-01-01T00:00:00.000Z',
    actor: { id: 'tok_1', name: 'aisha' },
    channel: 'cli' as const,
    action: 'incident.note',
    target: 'INC-000001',
    detail: { text },
  });

  it('chains from the head the transaction reads; a rolled-back append leaves neither row nor head behind', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    const store = open(join(dir, 'hub.sqlite'));
    const first = await store.transaction((tx) => tx.appendAudit(record('kept')));
    expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    await expect(
      store.transaction(async (tx) => {
        await tx.appendAudit(record('rolled back'));
        throw new Error('the change it recorded failed');
      }),
    ).rejects.toThrow('failed');
    expect(await store.getAuditHead()).toEqual({ seq: 1, hash: first.hash });
    const second = await store.transaction((tx) => tx.appendAudit(record('next')));
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(await verifyAuditLog(store)).toEqual({ ok: true, checked: 2, firstBroken: null });
  });

  it('many appends in one transaction chain one after another and leave the head at the last, inside and after it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    const store = open(join(dir, 'hub.sqlite'));
    const rows = await store.transaction(async (tx) => {
      const written = [];
      for (let i = 0; i < 5; i++) written.push(await tx.appendAudit(record(`storm ${i}`)));
      expect(await tx.getAuditHead()).toEqual({ seq: 5, hash: written[4]!.hash });
      return written;
    });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i]!.hash));
    expect(await store.getAuditHead()).toEqual({ seq: 5, hash: rows[4]!.hash });
    expect(await verifyAuditLog(store)).toEqual({ ok: true, checked: 5, firstBroken: null });
  });

  it('two stores over one file (two hubs) appending at once keep one unbroken chain', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wf-audit-'));
    const file = join(dir, 'hub.sqlite');
    const [a, b] = [open(file), open(file)];
    const append = (store: Store, i: number) =>
      store.transaction(async (tx) => {
        const row = await tx.appendAudit(record(`note ${i}`));
        // An await between the append and the commit: the other store must still wait for this one.
        await new Promise((r) => setTimeout(r, 1));
        return row;
      });
    const rows = await Promise.all(Array.from({ length: 40 }, (_, i) => append(i % 2 ? a : b, i)));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(40);
    expect(await verifyAuditLog(a)).toEqual({ ok: true, checked: 40, firstBroken: null });
  });
});
