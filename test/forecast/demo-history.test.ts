// The forecaster on the demo world's history: five weeks of the simulator's
// telemetry (seed 7, ten-minute steps, from an ordinary October with no
// pilgrimage season) filed by the hour exactly as the hub's intake files it
// (mergeReport), then the hub's evaluation per site kind. The forecaster
// sees only those hourly means, never the simulator's parameters: the test
// imports the simulator to make the history, as the demo hub's sender does.
import { describe, expect, it } from 'vitest';
import { evaluateRollingOrigin, type Evaluation } from '../../src/hub/forecast/arrivals-evaluation.js';
import type { FlowHourRecord } from '../../src/hub/store/store.js';
import { HOUR_MS, WAIT_BUCKET_UPPER_MINUTES, hourOf, mergeReport } from '../../src/hub/telemetry/flow-history.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { mulberry32 } from '../../src/sim/rng.js';
import { initialState, step } from '../../src/sim/step.js';

const START = Date.parse('2026-10-05T00:00:00Z');
const WEEKS = 5;
const DT = 600;

function hourlyArrivals(): Map<string, { kind: string; series: number[] }> {
  const fleet = buildDemoFleet();
  const rng = mulberry32(7);
  let state = initialState(fleet, new Date(START), rng);
  const startHour = hourOf(new Date(START));
  const hours = new Map<string, FlowHourRecord>();
  for (let t = START + DT * 1000; t < START + WEEKS * 168 * HOUR_MS; t += DT * 1000) {
    const result = step(state, new Date(t), DT, rng);
    state = result.state;
    for (const r of result.telemetry) {
      const hour = hourOf(new Date(r.at));
      const key = `${r.siteId}@${hour}`;
      const before = hours.get(key) ?? { siteId: r.siteId, hour, reports: 0, arrivalsSum: 0, processedSum: 0, processedReports: 0, waitSum: 0, waitMax: 0, waitCounts: WAIT_BUCKET_UPPER_MINUTES.map(() => 0), countersSum: 0, egatesSum: 0, officersSum: 0, officersReports: 0 };
      hours.set(key, mergeReport(before, r));
    }
  }
  const bySite = new Map<string, { kind: string; series: number[] }>();
  for (const site of fleet.sites) bySite.set(site.id, { kind: site.kind, series: new Array<number>(WEEKS * 168).fill(Number.NaN) });
  for (const h of hours.values()) bySite.get(h.siteId)!.series[h.hour - startHour] = h.arrivalsSum / h.reports;
  return bySite;
}

describe('arrivals forecaster on the demo world’s history', () => {
  it('beats the seasonal-naive forecast at every kind of site', () => {
    const sites = hourlyArrivals();
    const byKind = new Map<string, Evaluation[]>();
    // Every third site, to bound the time; each kind keeps several.
    [...sites.entries()].filter((_, i) => i % 3 === 0).forEach(([, { kind, series }]) => {
      const e = evaluateRollingOrigin(series, hourOf(new Date(START)), { horizon: 24, firstOrigin: 3 * 168, originStep: 24 });
      if (e.points > 0) byKind.set(kind, [...(byKind.get(kind) ?? []), e]);
    });
    const figures: Record<string, { sites: number; mase: number; coverage: number }> = {};
    for (const [kind, evals] of byKind) {
      // Pooled over the kind's sites, weighting each by its naive error (a sum of errors over a sum of errors).
      const model = evals.reduce((s, e) => s + e.modelMae * e.points, 0);
      const naive = evals.reduce((s, e) => s + e.naiveMae * e.points, 0);
      const coverage = evals.reduce((s, e) => s + e.coverage * e.points, 0) / evals.reduce((s, e) => s + e.points, 0);
      figures[kind] = { sites: evals.length, mase: Math.round((model / naive) * 100) / 100, coverage: Math.round(coverage * 100) / 100 };
    }
    console.log('demo history, MASE and coverage by site kind:', JSON.stringify(figures));
    expect(Object.keys(figures).sort()).toEqual(['air', 'land', 'sea', 'service-centre']);
    for (const [kind, f] of Object.entries(figures)) {
      expect(f.mase, kind).toBeLessThan(1);
      expect(f.coverage, kind).toBeGreaterThan(0.7);
    }
  }, 300_000); // about 20 s alone; far more beside the whole suite on a shared machine
});
