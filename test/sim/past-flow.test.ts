// The demo world's past, as a fresh demo hub takes it: the same simulator run
// over the days before the start, one report a site-hour, surges included.
import { describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../src/core/model.js';
import { expectedArrivalsPerHour } from '../../src/sim/arrivals.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { postPastFlow } from '../../src/sim/past-flow-import.js';
import { pastFlowReports, pastFlowSlices, pastFlowStepSeconds } from '../../src/sim/past-flow.js';
import { surgeSeedOf, surgesBetween } from '../../src/sim/surges.js';
import { buildWorld } from '../../src/sim/world.js';

const HOUR_MS = 3_600_000;
const fleet = buildDemoFleet();
const untilMs = Date.parse('2026-12-01T18:35:00.000Z');
const past = pastFlowReports({ fleet, seed: 7, speed: 1800, untilMs, days: 2 });

describe("the demo world's past flow", () => {
  it('is one report a site-hour over the days asked, up to the start, oldest first, each dated inside its hour', () => {
    const hours = [...new Set(past.map((r) => Math.floor(Date.parse(r.at) / HOUR_MS)))];
    // Two days of whole hours and the start's own hour, still filling.
    expect(hours).toHaveLength(2 * 24 + 1);
    expect(hours[0]).toBe(Math.floor(untilMs / HOUR_MS) - 48);
    expect(hours.at(-1)).toBe(Math.floor(untilMs / HOUR_MS));
    expect(past).toHaveLength(hours.length * fleet.sites.length);
    expect(Math.max(...past.map((r) => Date.parse(r.at)))).toBeLessThanOrEqual(untilMs);
    expect([...hours].sort((a, b) => a - b)).toEqual(hours);
  });

  it('is the same for a seed, another for another seed', () => {
    expect(pastFlowReports({ fleet, seed: 7, speed: 1800, untilMs, days: 2 })).toEqual(past);
    expect(pastFlowReports({ fleet, seed: 8, speed: 1800, untilMs, days: 2 })).not.toEqual(past);
  });

  it("holds the surges a live run of the seed has: at a surge's height the site reports well over its timetable", () => {
    const surges = surgesBetween(surgeSeedOf(7), fleet.sites, untilMs - 48 * HOUR_MS, untilMs - 8 * HOUR_MS);
    expect(surges.length).toBeGreaterThan(0);
    const world = buildWorld(fleet);
    for (const s of surges) {
      const height = s.startMs + (s.rampHours + 0.5) * HOUR_MS;
      const report = past.find((r) => r.siteId === s.siteId && Math.floor(Date.parse(r.at) / HOUR_MS) === Math.floor(height / HOUR_MS))!;
      const model = world.siteById.get(s.siteId)!;
      expect(report.arrivalsPerHour, s.siteId).toBeGreaterThan(1.5 * expectedArrivalsPerHour(model.site, new Date(height), model.bankPhase));
    }
  });

  it("steps as the live run at the speed does, within bounds that keep a hub's start fast", () => {
    expect(pastFlowStepSeconds(1800)).toBe(1800);
    expect(pastFlowStepSeconds(60)).toBe(900);
    expect(pastFlowStepSeconds(36_000)).toBe(1800);
  });

  it('reaches the hub newest hour first, in posts the intake takes', async () => {
    const posts: SiteTelemetry[][] = [];
    const sent = await postPastFlow({ ingestTelemetry: async (sites) => (posts.push(sites), { accepted: sites.length }) }, { fleet, seed: 7, speed: 1800, untilMs, days: 2 });
    expect(sent).toEqual({ reports: past.length, days: 2 });
    expect(posts.every((p) => p.length <= 1000)).toBe(true);
    const order = posts.flat().map((r) => Date.parse(r.at));
    expect(order[0]).toBe(Math.max(...order));
    expect(order.at(-1)).toBe(Math.min(...order));
  });

  it('is simulated in slices that give the event loop back, and stops at the next one once aborted, posting nothing more', async () => {
    const posts: SiteTelemetry[][] = [];
    const aborts = new AbortController();
    let turns = 0;
    // Counts the turns the event loop got while the past was simulated; the abort comes on the third.
    const ticker = setInterval(() => ++turns === 3 && aborts.abort(), 0);
    const sent = await postPastFlow({ ingestTelemetry: async (sites) => (posts.push(sites), { accepted: sites.length }) }, { fleet, seed: 7, speed: 1800, untilMs, days: 14, signal: aborts.signal });
    clearInterval(ticker);
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(posts).toEqual([]);
    expect(sent.reports).toBe(0);
    expect(pastFlowSlices({ fleet, seed: 7, speed: 1800, untilMs, days: 2 }).next().value!.length).toBeLessThan(past.length);
  });
});
