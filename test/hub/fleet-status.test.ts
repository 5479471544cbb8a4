import { describe, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { healthFromWorst } from '../../src/hub/incidents/asset-health.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { buildFleetStatus, type StatusInput } from '../../src/hub/status/fleet-status.js';
import { tinyFleet } from './hub-fixture.js';

const open = (siteId: string, severity: Incident['severity']): Incident => ({
  ...draftIncident({ title: 't', severity, siteId, assetId: null, source: 'manual', fingerprint: null, labels: {}, at: 'x' }),
  id: `INC-${siteId}-${severity}`,
  version: 1,
});

function input(over: Partial<StatusInput> = {}): StatusInput {
  const fleet = tinyFleet();
  return {
    sites: fleet.sites,
    assetCounts: [
      { siteId: 'RUH', kind: 'egate', health: 'ok', count: 1 },
      { siteId: 'RUH', kind: 'egate', health: 'down', count: 1 },
      { siteId: 'RUH', kind: 'counter', health: 'ok', count: 3 },
    ],
    platforms: fleet.assets.filter((a) => a.siteId === null),
    openIncidents: [],
    telemetry: [],
    modes: [],
    now: new Date('2026-01-01T00:00:00Z'),
    ...over,
  };
}

const byId = (status: ReturnType<typeof buildFleetStatus>, id: string) => status.sites.find((s) => s.id === id)!;

describe('fleet status', () => {
  it('is ok everywhere with nothing open and no reports', () => {
    const status = buildFleetStatus(input());
    expect(status.totals.health).toEqual({ ok: 3, degraded: 0, down: 0 });
    expect(byId(status, 'RUH')).toMatchObject({ waitMinutes: null, egates: { inService: 1, total: 2 }, counters: { open: 3, total: 3 } });
  });

  it('is down with a sev1, degraded with anything else open', () => {
    const status = buildFleetStatus(input({ openIncidents: [open('RUH', 'sev1'), open('JED', 'sev3')] }));
    expect(byId(status, 'RUH').health).toBe('down');
    expect(byId(status, 'JED').health).toBe('degraded');
    expect(byId(status, 'LND-BATHA').health).toBe('ok');
    expect(status.totals.openIncidents).toMatchObject({ sev1: 1, sev3: 1, total: 2 });
  });

  it('is degraded when waits pass 45 minutes, and takes figures from telemetry', () => {
    const report = { siteId: 'JED', at: 'x', arrivalsPerHour: 900, queueLength: 400, waitMinutes: 46, egatesInService: 0, countersOpen: 2 };
    const status = buildFleetStatus(input({ telemetry: [report] }));
    expect(byId(status, 'JED')).toMatchObject({ health: 'degraded', waitMinutes: 46, queueLength: 400, egates: { inService: 0 }, counters: { open: 2 } });
  });

  it('is degraded everywhere when a national platform is not ok', () => {
    const fleet = tinyFleet();
    const platforms = fleet.assets.filter((a) => a.siteId === null).map((a) => ({ ...a, health: 'down' as const }));
    const status = buildFleetStatus(input({ platforms }));
    expect(status.totals.health).toEqual({ ok: 0, degraded: 3, down: 0 });
    expect(status.platforms).toEqual([{ id: 'platform/visa', name: 'platform/visa', health: 'down' }]);
  });

  it('derives asset health from the worst open incident', () => {
    expect(healthFromWorst(null)).toBe('ok');
    expect(healthFromWorst('sev3')).toBe('degraded');
    expect(healthFromWorst('sev4')).toBe('degraded');
    expect(healthFromWorst('sev2')).toBe('down');
    expect(healthFromWorst('sev1')).toBe('down');
  });
});
