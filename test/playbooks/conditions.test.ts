// Conditions on live data, read from a real store each time: a site's
// reported wait, an asset's health, an incident's state, a site's mode (its
// own over the fleet's), an input, and all/any/not; ${names} filled from the
// run; a name the hub does not know is an error, never a quiet false.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaybookCondition } from '../../src/core/model.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { conditionHolds } from '../../src/hub/playbooks/conditions.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { site } from '../diagnostics/diag-hub.js';

let dir: string;
let store: Store;
let incidentId: string;
const scope = { inputs: { big: true, where: 'JED' }, siteId: 'RUH', incidentId: null as string | null };
const holds = (c: PlaybookCondition) => conditionHolds(store, c, { ...scope, incidentId });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-conditions-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  incidentId = await store.transaction(async (tx) => {
    await tx.upsertSites([site('RUH'), site('JED')]);
    await tx.upsertAssets([{ id: 'RUH/egate-01', siteId: 'RUH', kind: 'egate', name: 'g', health: 'degraded', managementUrl: null }]);
    await tx.upsertTelemetry([{ siteId: 'RUH', at: '2026-03-01T08:00:00Z', arrivalsPerHour: 900, queueLength: 120, waitMinutes: 38, egatesInService: 3, countersOpen: 5 }]);
    await tx.setSiteMode({ siteId: 'fleet', mode: 'offline-processing', since: '2026-03-01T08:00:00Z', setBy: { id: 't', name: 'omar' }, runId: null, drill: false });
    await tx.setSiteMode({ siteId: 'JED', mode: 'surge', since: '2026-03-01T08:00:00Z', setBy: { id: 't', name: 'omar' }, runId: null, drill: false });
    const incident = await tx.insertIncident(draftIncident({ title: 't', severity: 'sev2', siteId: 'RUH', assetId: null, source: 'manual', fingerprint: null, labels: {}, at: '2026-03-01T08:00:00Z' }));
    return incident.id;
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('conditions on live data', () => {
  it('reads a site’s reported wait; a site that never reported has none to compare', async () => {
    expect(await holds({ siteWait: { site: '${site}', above: 30 } })).toBe(true);
    expect(await holds({ siteWait: { site: 'RUH', above: 30, below: 35 } })).toBe(false);
    expect(await holds({ siteWait: { site: '${where}', below: 1000 } })).toBe(false);
  });

  it('reads the one site’s report the store keeps, by its id in any case', async () => {
    expect((await store.telemetryOf('ruh'))?.waitMinutes).toBe(38);
    expect((await store.telemetryOf('RUH'))?.siteId).toBe('RUH');
    expect(await store.telemetryOf('JED')).toBeUndefined();
  });

  it('reads an asset’s health and an incident’s state', async () => {
    expect(await holds({ assetHealth: { asset: '${site}/egate-01', is: 'degraded' } })).toBe(true);
    expect(await holds({ incidentState: { incident: '${incident}', is: 'triggered' } })).toBe(true);
    expect(await holds({ not: { incidentState: { incident: '${incident}', is: 'resolved' } } })).toBe(true);
  });

  it('reads a site’s mode: its own over the fleet’s', async () => {
    expect(await holds({ siteMode: { site: 'RUH', is: 'offline-processing' } })).toBe(true);
    expect(await holds({ siteMode: { site: '${where}', is: 'surge' } })).toBe(true);
    expect(await holds({ siteMode: { site: 'fleet', is: 'offline-processing' } })).toBe(true);
  });

  it('combines with all and any, and reads inputs', async () => {
    expect(await holds({ all: [{ input: { name: 'big', equals: true } }, { siteMode: { site: 'JED', is: 'surge' } }] })).toBe(true);
    expect(await holds({ any: [{ input: { name: 'big', equals: false } }, { assetHealth: { asset: 'RUH/egate-01', is: 'ok' } }] })).toBe(false);
  });

  it('refuses a name the hub does not know, rather than answer false', async () => {
    await expect(holds({ assetHealth: { asset: 'RUH/nope', is: 'ok' } })).rejects.toThrow('no asset RUH/nope');
    await expect(holds({ siteWait: { site: 'XXX', above: 1 } })).rejects.toThrow('no site XXX');
    await expect(holds({ incidentState: { incident: 'INC-999999', is: 'resolved' } })).rejects.toThrow('no incident INC-999999');
  });
});
