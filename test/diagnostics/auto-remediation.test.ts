// Automatic remediation with several hubs over one database: each incident
// is run by exactly one hub, and one whose claimer died is taken over.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { Incident } from '../../src/core/model.js';
import { startAutoRemediation } from '../../src/hub/diagnostics/auto-remediate.js';
import type { DiagnosticsService } from '../../src/hub/diagnostics/service.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { createMemoryEventBus } from '../../src/hub/events/memory-event-bus.js';
import { startHub, type RunningHub } from '../../src/hub/start.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import { waitUntil } from '../helpers/wait-until.js';
import { clears } from './fake-fleet.js';
import { checksOf, site, startDiagHub, type DiagHub } from './diag-hub.js';
import { DeviceTokens } from '../../src/devices/http/device-tokens.js';

describe('two hubs over one data file, both remediating automatically', () => {
  let first: DiagHub;
  let second: RunningHub;
  let secondAdmin: CoreClient;

  beforeAll(async () => {
    first = await startDiagHub({ autoRemediate: 'all' });
    second = await startHub({ dataFile: first.dataFile, host: '127.0.0.1', port: 0, autoRemediate: 'all' });
    secondAdmin = new CoreClient({ hubUrl: second.url, token: first.adminToken });
  });
  afterAll(async () => {
    await secondAdmin?.close();
    await second?.close();
    await first?.stop();
  });

  it('an incident opened on either hub is fixed by exactly one of them', async () => {
    const device = first.fleet.add('RUH/egate-01', checksOf('egate', { 'card-reader': 'fail' }), { 'clear-jam': clears('card-reader') });
    // Opened through the second hub: the first hears of it from the outbox, the second at once.
    const { incident } = await secondAdmin.createIncident({ title: 'gate 01 jammed', severity: 'sev3', assetId: 'RUH/egate-01' });
    await waitUntil(async () => (await first.admin.getIncident(incident.id)).incident.state === 'resolved', { what: 'the fix', timeoutMs: 10_000 });
    // Long enough for the other hub's relay to have published the event and its auto-remediation to have tried.
    await new Promise((r) => setTimeout(r, 1_000));
    const { timeline } = await first.admin.getIncident(incident.id);
    expect(timeline.map((t) => t.kind)).toEqual(['triggered', 'probe', 'action', 'probe', 'resolved']);
    expect(device.performed.get('clear-jam')).toBe(1);
    const actions = (await first.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === 'diagnostics.action' && e.target === incident.id);
    expect(actions).toHaveLength(1);
  });
});

describe('an incident whose claimer died', () => {
  it('is taken over once the claim lapses, while it is still open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-claims-'));
    const store = openSqliteStore(join(dir, 'hub.sqlite'));
    const bus = createMemoryEventBus();
    const runs: string[] = [];
    const diagnostics: DiagnosticsService = {
      run: async (_caller, target) => (runs.push(target.label), []),
      sweep: async () => ({ type: 'summary', assets: 0, healthy: 0, fixed: 0, mitigated: 0, dispatched: 0, unreachable: 0, planned: 0, wallMs: 0 }),
      act: async () => {
        throw new Error('automatic remediation never names an action');
      },
      deviceTokens: new DeviceTokens(),
      close: async () => {},
    };
    const auto = startAutoRemediation({ bus, store, log: () => {} }, diagnostics, { kinds: 'all', claims: { ttlMs: 100 } });
    try {
      const incident: Incident = await store.transaction(async (tx) => {
        await tx.upsertSites([site('RUH')]);
        await tx.upsertAssets([{ id: 'RUH/egate-01', siteId: 'RUH', kind: 'egate', name: 'gate', health: 'ok', managementUrl: null }]);
        const opened = await tx.insertIncident(draftIncident({ title: 'jam', severity: 'sev3', siteId: 'RUH', assetId: 'RUH/egate-01', source: 'manual', fingerprint: null, labels: {}, at: new Date().toISOString() }));
        // Another hub claimed it and died before finishing.
        await tx.acquireLease({ scope: `auto-remediate:${opened.id}`, holder: 'dead-hub', limit: 1, nowMs: Date.now(), ttlMs: 300 });
        return opened;
      });
      bus.publish([{ id: 1, type: 'incident.created', at: incident.createdAt, data: incident }]);
      await auto.idle();
      expect(runs).toEqual([]);
      await waitUntil(() => runs.length, { what: 'the take-over', timeoutMs: 3_000 });
      expect(runs).toEqual([incident.id]);
    } finally {
      await auto.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
