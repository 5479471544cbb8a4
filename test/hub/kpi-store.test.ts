// The KPIs over a real SQLite store, written through the hub's one incident
// write path: every health change lands in the asset's health history, and
// a drill's incidents count in neither the incidents KPI nor continuity.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, Severity } from '../../src/core/model.js';
import { SYSTEM } from '../../src/hub/caller.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { storeIncidentChange, storeNewIncident } from '../../src/hub/incidents/incident-writes.js';
import { computeKpi, computeKpiSummary } from '../../src/hub/kpi/compute-kpis.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { tinyFleet } from './hub-fixture.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
const noEmit = () => {};

let dir: string;
let store: Store;

async function open(assetId: string, severity: Severity, hours: number, drillRunId: string | null = null): Promise<Incident> {
  return store.transaction((tx) =>
    storeNewIncident(
      tx, noEmit, SYSTEM,
      { ...draftIncident({ title: `${assetId} down`, severity, siteId: assetId.split('/')[0]!, assetId, source: 'manual', fingerprint: null, labels: {}, at: at(hours) }), drillRunId },
      { kind: 'triggered', text: 'opened' },
      { action: 'incident.create' },
      undefined,
    ),
  );
}

async function change(incident: Incident, hours: number, patch: Partial<Incident>): Promise<Incident> {
  return store.transaction(async (tx) => {
    const before = (await tx.getIncident(incident.id))!;
    return storeIncidentChange(tx, noEmit, SYSTEM, before, { incident: { ...before, ...patch }, timeline: { kind: 'note', text: 'changed' }, audit: { action: 'incident.change' } }, at(hours));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-kpi-store-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  const fleet = tinyFleet();
  await store.transaction(async (tx) => {
    await tx.upsertSites(fleet.sites);
    await tx.upsertAssets([...fleet.assets, { id: 'RUH/server-01', siteId: 'RUH', kind: 'server', name: 'server', health: 'ok', managementUrl: null }]);
  });
  // A real sev2 on RUH's server from 02:00, acknowledged at 02:10, resolved at 08:00: 6 hours down.
  const real = await open('RUH/server-01', 'sev2', 2);
  await change(real, 2 + 10 / 60, { state: 'acknowledged', acknowledgedAt: at(2 + 10 / 60), acknowledgedBy: { id: 'o', name: 'officer' } });
  await change(real, 8, { state: 'resolved', resolvedAt: at(8) });
  // A drill's sev1 on the national visa platform from 10:00 to 22:00, never acknowledged.
  const drill = await open('platform/visa', 'sev1', 10, 'RUN-000001');
  await change(drill, 22, { state: 'resolved', resolvedAt: at(22) });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the health history', () => {
  it('records every change with its time, the drill’s as shown but not counted', async () => {
    const rows = await store.listAssetHealthChanges(at(-24));
    expect(rows.map((r) => [r.assetId, r.at, r.health, r.countedHealth])).toEqual([
      ['RUH/server-01', at(2), 'down', 'down'],
      ['RUH/server-01', at(8), 'ok', 'ok'],
      ['platform/visa', at(10), 'down', 'ok'],
      ['platform/visa', at(22), 'ok', 'ok'],
    ]);
    expect((await store.getAsset('platform/visa'))!.health).toBe('ok');
  });
});

describe('computeKpi over the store', () => {
  const day = { since: at(0), until: at(24) };

  it('continuity: only the real outage costs availability (6 of 48 critical asset-hours)', async () => {
    const report = await computeKpi(store, { ...day, kpi: 'continuity' });
    const headline = report.measures.find((m) => m.id === report.headline && m.scope === null)!;
    expect(headline.value).toBeCloseTo(42 / 48, 10);
    expect(headline.samples).toBe(2); // RUH/server-01 and platform/visa; e-gates and counters are not critical
    expect(report.measures.find((m) => m.scope === 'platforms')!.value).toBe(1);
  });

  it('incidents: the drill is not counted', async () => {
    const report = await computeKpi(store, { ...day, kpi: 'incidents' });
    expect(report.measures.find((m) => m.id === 'ackWithinSla' && m.scope === null)).toMatchObject({ value: 1, samples: 1 });
    expect(report.measures.find((m) => m.id === 'mtta' && m.scope === null)).toMatchObject({ value: 600, samples: 1 });
    expect(report.measures.find((m) => m.id === 'mttr' && m.scope === 'sev2')).toMatchObject({ value: 6 * 3600, met: false });
  });

  it('a site scope keeps the platforms out; a summary lists every KPI in order', async () => {
    const ruh = await computeKpi(store, { ...day, kpi: 'continuity', site: 'ruh' });
    expect(ruh.filter).toEqual({ siteId: 'RUH', region: null, kind: null });
    expect(ruh.measures[0]).toMatchObject({ value: 0.75, samples: 1 });
    const summary = await computeKpiSummary(store, { ...day, region: 'makkah' });
    expect(summary.kpis.map((k) => k.kpi)).toEqual(['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre', 'remote']);
    expect(summary.filter.region).toBe('Makkah');
    expect(summary.kpis[0]!.measures[0]!.samples).toBe(0);
  });

  it('refuses two scopes at once and names an unknown site', async () => {
    await expect(computeKpi(store, { ...day, kpi: 'incidents', site: 'RUH', kind: 'air' })).rejects.toMatchObject({ code: 'usage' });
    await expect(computeKpi(store, { ...day, kpi: 'incidents', site: 'nowhere-at-all' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(computeKpi(store, { ...day, kpi: 'incidents', region: 'Atlantis' })).rejects.toMatchObject({ code: 'usage' });
  });
});
