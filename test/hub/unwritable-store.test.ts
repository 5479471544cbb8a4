// A hub whose data file cannot be written: restarted on a read-only file it
// refuses to start with one line (it said it was healthy and then answered
// every request with a "bug" 500); running, a full disk or a write lock held
// past the timeout answers 503 unavailable — so Alertmanager retries — never
// 2xx-and-drop and never a bug, reads go on, and nothing stored is lost.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { buildApp } from '../../src/hub/app.js';
import { SYSTEM } from '../../src/hub/caller.js';
import { openHubEvents } from '../../src/hub/events/hub-events.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import { issueToken } from '../../src/hub/tokens/tokens.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { canMakeReadOnly, canMountTmpfs, makeReadOnly, mountTinyFilesystem } from '../helpers/unwritable-storage.js';
import { rawRequest, startFixtureHub } from './hub-fixture.js';

/** An Alertmanager notification of `n` alerts at RUH, each with a few KiB of annotations. */
function alerts(n: number, prefix: string): string {
  return JSON.stringify({
    version: '4',
    alerts: Array.from({ length: n }, (_, i) => ({
      status: 'firing',
      labels: { alertname: 'GateDown', site: 'RUH', severity: 'major', n: String(i) },
      annotations: { summary: `${prefix} gate ${i}`, description: 'x'.repeat(4_000) },
      fingerprint: `${prefix}-${i}`,
    })),
  });
}

describe.skipIf(!canMakeReadOnly)('a hub restarted on a read-only data file', () => {
  let dir = '';
  let file = '';
  let adminToken = '';
  let incidentId = '';

  beforeAll(async () => {
    const first = await startFixtureHub();
    dir = first.dir;
    file = join(dir, 'hub.sqlite');
    adminToken = first.adminToken!;
    incidentId = (await first.admin.createIncident({ title: 'Gate down', severity: 'sev2', siteId: 'RUH' })).incident.id;
    await first.closeKeepingData();
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start, in one line naming the file, and leaves what is stored as it was', async () => {
    const undo = makeReadOnly(file);
    let refused: unknown;
    try {
      const hub = await startFixtureHub({ dir, demo: false, adminToken });
      await hub.closeKeepingData();
    } catch (e) {
      refused = e;
    } finally {
      undo();
    }
    expect(refused).toBeInstanceOf(UsageError);
    const message = (refused as UsageError).message;
    expect(message).toBe(`the hub's data file ${file} cannot be written (read-only)`);
    expect((refused as UsageError).hint).toContain('permissions');

    const again = await startFixtureHub({ dir, demo: false, adminToken });
    try {
      expect((await again.admin.getIncident(incidentId)).incident.title).toBe('Gate down');
      expect((await again.admin.verifyAudit()).ok).toBe(true);
    } finally {
      await again.closeKeepingData();
    }
  });

  it('`hub start` exits 2 with that line and its hint, instead of listening', async () => {
    const cli = cliEnv();
    const undo = makeReadOnly(file);
    try {
      const r = await runCli(['hub', 'start', '--data', file, '--port', '0'], cli.env, 15_000);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`watchfloor: the hub's data file ${file} cannot be written (read-only)`);
      expect(r.stderr).not.toContain('listening');
    } finally {
      undo();
      cli.cleanup();
    }
  });
});

describe.skipIf(!canMountTmpfs)('a full disk under a running hub', () => {
  it('writes answer 503 unavailable, reads go on, and once there is room the same write is stored', async () => {
    const fs = mountTinyFilesystem(4_096)!;
    const hub = await startFixtureHub({ dir: fs.dir });
    try {
      const before = (await hub.admin.createIncident({ title: 'Before the disk filled', severity: 'sev3', siteId: 'JED' })).incident.id;
      const officer = await hub.clientAs('officer', 'duty officer');
      const intake = await hub.clientAs('intake', 'alertmanager');
      const post = () => rawRequest(`${hub.url}/v1/ingest/alertmanager`, { method: 'POST', token: intake.secret, body: alerts(100, 'full') });

      const freeSpace = fs.fill();
      const refused = await post();
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('disk is full') });
      expect(refused.body.error.hint).toContain('nothing was stored');
      expect(hub.logs.some((l) => l.includes('/v1/ingest/alertmanager') && l.includes('disk is full'))).toBe(true);

      const cli = cliEnv({ WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: officer.secret });
      try {
        const note = await runCli(['incidents', 'note', before, 'vendor called'], cli.env);
        expect(note.code, note.stderr).toBe(3); // as for a hub that cannot be reached: try again later
        expect(note.stderr.split('\n')[0]).toBe('watchfloor: the hub cannot store anything now: its disk is full (SQLITE_FULL)');
      } finally {
        cli.cleanup();
      }

      const read = await rawRequest(`${hub.url}/v1/incidents`, { token: officer.secret });
      expect(read.status).toBe(200);
      expect(read.body.incidents.map((i: { id: string }) => i.id)).toEqual([before]);

      freeSpace();
      const stored = await post();
      expect(stored.status, stored.text).toBe(200);
      expect(stored.body.created).toHaveLength(100);
      expect((await hub.admin.listIncidents({ limit: 1_000 })).length).toBe(101);
      expect((await hub.admin.verifyAudit()).ok).toBe(true);
    } finally {
      await hub.closeKeepingData();
      fs.remove();
    }
  });
});

describe('a write lock held past the busy timeout', () => {
  it('answers 503 unavailable, not a bug, and the next write after it is let go is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-busy-'));
    const file = join(dir, 'hub.sqlite');
    const store = openSqliteStore(file, { busyTimeoutMs: 100 });
    const events = await openHubEvents(store);
    const { secret } = await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'root', role: 'admin' }, new Date().toISOString()));
    const logs: string[] = [];
    const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
    const app = buildApp({ store, bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: (l) => logs.push(l), version: 'test', startedAt: new Date() });
    const other = new Database(file);
    const create = () =>
      app.inject({ method: 'POST', url: '/v1/incidents', headers: { authorization: `Bearer ${secret}` }, payload: { title: 'Printer jam', severity: 'sev4' } });
    try {
      await create(); // the token's last use is recorded now, not during the lock
      other.exec('BEGIN IMMEDIATE');
      const busy = await create();
      expect(busy.statusCode).toBe(503);
      expect(busy.json().error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('busy') });
      other.exec('ROLLBACK');
      expect((await create()).statusCode).toBe(201);
      expect((await store.listIncidents({})).length).toBe(2);
    } finally {
      other.close();
      await app.close();
      await events.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
