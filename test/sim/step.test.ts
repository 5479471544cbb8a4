import { describe, expect, it } from 'vitest';
import { SiteTelemetry } from '../../src/core/model.js';
import type { AlertmanagerAlert } from '../../src/sim/alerts.js';
import { FAULT_PROFILES, type Fault } from '../../src/sim/faults.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { siteFlow, type SiteFlowInput } from '../../src/sim/queues.js';
import { mulberry32 } from '../../src/sim/rng.js';
import { REPEAT_INTERVAL_MS, initialState, step, type SimState, type StepResult } from '../../src/sim/step.js';

const fleet = buildDemoFleet();
// A Tuesday in September: no pilgrimage season. 15:00 UTC is 18:00 in Riyadh,
// near the evening peak.
const START = Date.parse('2026-09-08T15:00:00Z');
const MINUTE = 60;

function run(seed: number, steps: number, options: { dtSeconds?: number; state?: SimState } = {}): StepResult[] {
  const rng = mulberry32(seed);
  const dt = options.dtSeconds ?? MINUTE;
  let state = options.state ?? initialState(fleet, new Date(START), rng);
  const results: StepResult[] = [];
  for (let i = 1; i <= steps; i++) {
    const result = step(state, new Date(START + i * dt * 1000), dt, rng);
    results.push(result);
    state = result.state;
  }
  return results;
}

const outputs = (results: StepResult[]) => JSON.stringify(results.map((r) => ({ telemetry: r.telemetry, alerts: r.alerts })));

describe('step: determinism', () => {
  it('gives the same telemetry and alerts for the same seed, different ones for another', () => {
    const a = outputs(run(11, 60));
    const b = outputs(run(11, 60));
    const c = outputs(run(12, 60));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a.length).toBeGreaterThan(1000); // it did produce something
  });

  it('reports every site every step, in the telemetry schema', () => {
    const [first] = run(1, 1);
    expect(first!.telemetry).toHaveLength(103);
    for (const t of first!.telemetry) expect(() => SiteTelemetry.parse(t), t.siteId).not.toThrow();
    expect(first!.telemetry.find((t) => t.siteId === 'RUH')!.arrivalsPerHour).toBeGreaterThan(100);
    // The fields the hub's hourly flow history keeps for the staff and flow KPIs.
    expect(first!.telemetry.find((t) => t.siteId === 'RUH')!.officersOnDuty).toBeGreaterThan(0);
    expect(first!.telemetry.every((t) => t.processedPerHour !== undefined && t.processedPerHour >= 0)).toBe(true);
  });
});

describe('step: faults', () => {
  it('has the fleet failing a few times an hour on average', () => {
    const perHour = fleet.assets.reduce((sum, a) => sum + 1 / (FAULT_PROFILES[a.kind].mtbfDays * 24), 0);
    expect(perHour).toBeGreaterThan(3);
    expect(perHour).toBeLessThan(20);
  });

  it.each([1, 2, 3, 4, 5])('opens at least one new fault within a simulated hour (seed %i)', (seed) => {
    const rng = mulberry32(seed);
    const state = initialState(fleet, new Date(START), rng, { faultsInProgress: false });
    let firing: AlertmanagerAlert[] = [];
    let current = state;
    for (let i = 1; i <= 60; i++) {
      const result = step(current, new Date(START + i * MINUTE * 1000), MINUTE, rng);
      firing = firing.concat(result.alerts.filter((a) => a.status === 'firing'));
      current = result.state;
    }
    expect(current.nextFaultSeq).toBeGreaterThan(1);
    expect(firing.length).toBeGreaterThan(0);
  });

  it('starts on an ordinary day with some faults in progress, sent at the first step', () => {
    const rng = mulberry32(7);
    const state = initialState(fleet, new Date(START), rng);
    expect(state.faults.length).toBeGreaterThan(0);
    const first = step(state, new Date(START), 0, rng);
    const firingIds = new Set(first.alerts.filter((a) => a.status === 'firing').map((a) => a.fingerprint));
    expect(firingIds.size).toBeGreaterThanOrEqual(state.faults.length);
  });

  it('resolves a cleared fault with the fingerprint it fired with, and repeats open ones hourly', () => {
    const results = run(5, 6 * 60);
    const all = results.flatMap((r, i) => r.alerts.map((alert) => ({ alert, minute: i + 1 })));
    const resolved = all.filter((x) => x.alert.status === 'resolved');
    expect(resolved.length).toBeGreaterThan(0);
    for (const { alert, minute } of resolved) {
      const fired = all.filter((x) => x.alert.fingerprint === alert.fingerprint && x.alert.status === 'firing');
      expect(fired.length, alert.labels.asset).toBeGreaterThan(0);
      expect(fired.every((f) => f.minute <= minute)).toBe(true);
      expect(fired[0]!.alert.labels).toEqual(alert.labels);
      expect(fired[0]!.alert.endsAt).toBe('0001-01-01T00:00:00Z');
      expect(Date.parse(alert.endsAt)).toBeGreaterThanOrEqual(Date.parse(alert.startsAt));
    }
    // A fault open for more than the repeat interval was sent again.
    const counts = new Map<string, number[]>();
    for (const { alert, minute } of all.filter((x) => x.alert.status === 'firing')) {
      counts.set(alert.fingerprint, [...(counts.get(alert.fingerprint) ?? []), minute]);
    }
    const repeated = [...counts.values()].filter((minutes) => minutes.length > 1);
    expect(repeated.length).toBeGreaterThan(0);
    for (const minutes of repeated) {
      for (let i = 1; i < minutes.length; i++) {
        expect((minutes[i]! - minutes[i - 1]!) * MINUTE * 1000).toBeGreaterThanOrEqual(REPEAT_INTERVAL_MS);
      }
    }
  });
});

describe('queues', () => {
  const base: SiteFlowInput = {
    kind: 'air',
    open: true,
    arrivals: 100,
    arrivalRate: 1200,
    plannedRate: 1200,
    dtHours: 1 / 12,
    capacity: { egatesInService: 4, kiosksInService: 0, countersWorking: 30, counterSpeed: 1 },
    desks: 30,
    queues: { selfBacklog: 0, staffedBacklog: 0 },
  };

  it('waits longer with one e-gate fewer in service', () => {
    const all = siteFlow(base);
    const oneDown = siteFlow({ ...base, capacity: { ...base.capacity, egatesInService: 3 } });
    expect(oneDown.waitMinutes).toBeGreaterThan(all.waitMinutes);
  });

  it('builds a backlog when arrivals outrun the counters, and sends everyone to the desks when the gates stop', () => {
    const short = siteFlow({ ...base, capacity: { ...base.capacity, countersWorking: 2 } });
    expect(short.countersOpen).toBe(2);
    expect(short.queues.staffedBacklog).toBeGreaterThan(0);
    expect(short.waitMinutes).toBeGreaterThan(siteFlow(base).waitMinutes);
    const noGates = siteFlow({ ...base, capacity: { ...base.capacity, egatesInService: 0 }, queues: { selfBacklog: 400, staffedBacklog: 0 } });
    expect(noGates.queues.selfBacklog).toBe(0);
    expect(noGates.countersOpen).toBeGreaterThan(siteFlow(base).countersOpen); // the surge
  });

  it('closes a service centre with nobody waiting', () => {
    expect(siteFlow({ ...base, kind: 'service-centre', open: false, queues: { selfBacklog: 3, staffedBacklog: 9 } })).toEqual({
      queues: { selfBacklog: 0, staffedBacklog: 0 },
      processed: 0,
      countersOpen: 0,
      queueLength: 0,
      waitMinutes: 0,
    });
  });

  it('counts who was served: what was waiting and came, less what still waits', () => {
    const queues = { selfBacklog: 40, staffedBacklog: 300 };
    const flow = siteFlow({ ...base, queues });
    expect(flow.processed).toBeGreaterThan(0);
    expect(flow.processed).toBeCloseTo(queues.selfBacklog + queues.staffedBacklog + base.arrivals - flow.queues.selfBacklog - flow.queues.staffedBacklog);
  });

  it('raises the wait at RUH when half its e-gates fault (same seed, same steps)', () => {
    const rng = () => mulberry32(21);
    const healthy = initialState(fleet, new Date(START), rng(), { faultsInProgress: false });
    const gates = healthy.world.siteById.get('RUH')!.equipment.egate;
    const down: Fault[] = gates.slice(0, Math.ceil(gates.length / 2)).map((assetId, i) => ({
      id: `T${i}`,
      assetId,
      siteId: 'RUH',
      kind: 'egate',
      faultKind: 'hung-service',
      source: 'simulated',
      severity: 'warning',
      startedAt: START,
      clearsAt: START + 86_400_000,
      lastNotifiedAt: START,
    }));
    const faulty: SimState = { ...healthy, faults: down };
    const ruh = (results: StepResult[]) => results.map((r) => r.telemetry.find((t) => t.siteId === 'RUH')!);
    // Fresh random streams positioned alike: both states were built without drawing.
    const a = ruh(run(21, 30, { state: healthy }));
    const b = ruh(run(21, 30, { state: faulty }));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(b[0]!.egatesInService).toBe(gates.length - down.length);
    expect(a[0]!.egatesInService).toBe(gates.length);
    expect(mean(b.map((t) => t.waitMinutes))).toBeGreaterThan(mean(a.map((t) => t.waitMinutes)));
  });
});
