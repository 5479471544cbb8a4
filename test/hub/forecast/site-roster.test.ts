import { describe, expect, it } from 'vitest';
import type { SiteTelemetry } from '../../../src/core/model.js';
import { STATION_PARAMS } from '../../../src/hub/forecast/queueing-station.js';
import { beyondBand, excessAt, NOWCAST_HALF_LIFE_HOURS, NOWCAST_RATIO_CAP, nowcastAt, nowcastRatio, usualAtReport } from '../../../src/hub/forecast/site-prediction.js';
import { keptOpen, staffedForForecast } from '../../../src/hub/forecast/site-roster.js';

const model = { params: STATION_PARAMS.land, waitTargetMinutes: 30 };
const latest = (over: Partial<SiteTelemetry> = {}): SiteTelemetry => ({
  siteId: 'LND-A', at: '2026-11-29T10:10:00.000Z', arrivalsPerHour: 300, queueLength: 0, waitMinutes: 1, egatesInService: 0, countersOpen: 4, ...over,
});

describe('the roster the early warning expects', () => {
  it('opens the desks the forecast demand needs (the staffing advice), none for an hour nobody comes', () => {
    // 450 an hour at 90 a lane: 5 lanes are just full, 6 keep the mean wait within 30 minutes.
    expect(staffedForForecast(450, latest(), 20, model)).toBe(6);
    expect(staffedForForecast(0, latest(), 20, model)).toBe(0);
  });

  it('never more than the working desks, nor than the officers on duty when the site says', () => {
    expect(staffedForForecast(900, latest(), 7, model)).toBe(7);
    expect(staffedForForecast(900, latest({ officersOnDuty: 5 }), 20, model)).toBe(5);
  });
});

describe('the desks open now, ahead', () => {
  const air = { params: STATION_PARAMS.air, waitTargetMinutes: 30 };
  // A regional airport as a flight lands: four desks open now, yesterday's roster one an hour.
  const landing = latest({ siteId: 'RGN', countersOpen: 4, egatesInService: 0 });

  it('keeps them open while the hours ahead need them, never more than are open now', () => {
    const kept = keptOpen([4, 1, 1, 1], [300, 80, 1000, 10], landing, 6, air);
    expect(kept[0]).toBe(4);
    // 80 an hour: what the staffing advice opens for them (two or three), not the four of the landing nor the roster's one.
    expect(kept[1]).toBe(staffedForForecast(80, landing, 6, air));
    expect(kept[1]).toBeGreaterThan(1);
    expect(kept[1]).toBeLessThan(4);
    expect(kept[2]).toBe(4); // 1,000 an hour needs more than four: the other desks are what the warning advises
    expect(kept[3]).toBe(1); // nobody much coming: the roster's one desk
  });

  it('keeps nothing past an hour rostered shut, nor above a roster that already has more', () => {
    expect(keptOpen([4, 1, 0, 1], [300, 300, 300, 300], landing, 6, air).slice(2)).toEqual([0, 1]);
    expect(keptOpen([4, 6], [300, 300], landing, 6, air)).toEqual([4, 6]);
  });
});

describe('the nowcast ratio', () => {
  it('reads a doubled flow at a busy site as double, but ten more walk-ins at a quiet one as little', () => {
    expect(nowcastRatio(600, 300)).toBeCloseTo(1.88, 2);
    expect(nowcastRatio(40, 20)).toBeCloseTo(1.33, 2);
    expect(nowcastRatio(20, 20)).toBe(1);
  });

  it('stays within its cap, and is 1 when nothing was expected', () => {
    expect(nowcastRatio(100_000, 100)).toBe(3);
    expect(nowcastRatio(0, 100_000)).toBeCloseTo(1 / 3);
    expect(nowcastRatio(50, 0)).toBe(1);
  });
});

describe('the nowcast ahead', () => {
  it('applies the ratio fully now and fades it ahead, never past its cap', () => {
    expect(nowcastAt(2, 0)).toBe(2);
    expect(nowcastAt(2, 1)).toBeLessThan(2);
    expect(nowcastAt(2, 1)).toBeCloseTo(2 ** (0.5 ** (1 / NOWCAST_HALF_LIFE_HOURS))); // a fourth of its half-life gone
    expect(nowcastAt(2, 24)).toBeLessThan(1.1);
    expect(nowcastAt(0.5, 24)).toBeGreaterThan(0.9);
    expect(nowcastAt(5, 0)).toBe(NOWCAST_RATIO_CAP);
  });
});

describe('the report against the usual', () => {
  it("sets a report against the usual at its minute: the hours' means stand at their middles", () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 2, 5, minute));
    // A service centre opening: nobody the hour before, 30 this hour, 40 the next.
    expect(usualAtReport(at(30), 0, 30, 40)).toBe(30);
    expect(usualAtReport(at(0), 0, 30, 40)).toBe(15);
    expect(usualAtReport(at(45), 0, 30, 40)).toBeCloseTo(32.5);
  });

  it('takes a report within the interval as the usual, and only what lies beyond it as evidence', () => {
    const band = { usual: 100, lower: 60, upper: 150 };
    expect(beyondBand(140, band)).toEqual({ evidence: 100, excess: 0 });
    expect(beyondBand(250, band)).toEqual({ evidence: 200, excess: 100 });
    expect(beyondBand(20, band)).toEqual({ evidence: 60, excess: 0 });
  });

  it('carries travellers beyond the usual ahead, halved every half-life', () => {
    expect(excessAt(100, 0)).toBe(100);
    expect(excessAt(100, -0.2)).toBe(100);
    expect(excessAt(100, NOWCAST_HALF_LIFE_HOURS)).toBeCloseTo(50);
    expect(excessAt(100, 2 * NOWCAST_HALF_LIFE_HOURS)).toBeCloseTo(25);
    expect(excessAt(0, 3)).toBe(0);
  });
});
