// The arrivals forecaster against what it must beat: on a synthetic series
// with known daily and weekly seasonality its error stays near the noise, and
// on a real public hourly series it beats the seasonal-naive forecast ("same
// hour last week") on rolling origins (MASE < 1), with honest intervals.
//
// The real series: US domestic flight departures, January–March 2001, from
// the U.S. Bureau of Transportation Statistics' on-time performance data
// (collected under 14 CFR Part 234), as shipped in the vega-datasets npm
// package (data/flights-20k.json: a 20,000-flight sample; `date` is the
// scheduled departure, local time). We count departures per hour.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRollingOrigin } from '../../src/hub/forecast/arrivals-evaluation.js';
import { fitArrivals, forecastArrivals, methodFor } from '../../src/hub/forecast/arrivals-model.js';

const HOUR_MS = 3_600_000;

/** Park–Miller: the same noise every run. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Eight weeks: a daily wave, a busy Friday (day 5 of each week) and uniform noise of ±20 (mean absolute 10). */
function synthetic(weeks: number, seed = 7) {
  const rnd = lcg(seed);
  const truth = (i: number) => 200 + 120 * Math.sin((2 * Math.PI * (i % 24)) / 24) + (Math.floor(i / 24) % 7 === 5 ? 150 : 0);
  return { truth, series: Array.from({ length: weeks * 168 }, (_, i) => truth(i) + (rnd() - 0.5) * 40) };
}

function flightsPerHour(): { series: number[]; startHour: number } {
  // The package exports only its code; its data sits beside it (its "files" ship data/).
  const file = join(dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data', 'flights-20k.json');
  const flights = JSON.parse(readFileSync(file, 'utf8')) as { date: string }[];
  // "2001/01/01 00:47": read as if UTC; only the hours' order and spacing matter.
  const hours = flights.map((f) => Math.floor(Date.parse(`${f.date.replace(/\//g, '-').replace(' ', 'T')}:00Z`) / HOUR_MS));
  const startHour = Math.min(...hours);
  const series = new Array<number>(Math.max(...hours) - startHour + 1).fill(0);
  for (const h of hours) series[h - startHour]! += 1;
  return { series, startHour };
}

describe('arrivals model on a synthetic series with known daily and weekly seasonality', () => {
  it('forecasts the next day within the noise and recovers the weekly peak', () => {
    const { truth, series } = synthetic(6);
    const fit = fitArrivals(series, 0, { horizon: 24 });
    expect(fit.method).toBe('double-seasonal');
    // The next week: the error against the truth is bounded by the noise's scale.
    const ahead = forecastArrivals(fit, 168);
    const mae = ahead.reduce((s, p, k) => s + Math.abs(p.mean - truth(series.length + k)), 0) / ahead.length;
    expect(mae).toBeLessThan(12);
    // Friday noon is about 150 busier than Thursday noon.
    const friday = ahead.find((p) => Math.floor(p.hour / 24) % 7 === 5 && p.hour % 24 === 12)!;
    const thursday = ahead.find((p) => Math.floor(p.hour / 24) % 7 === 4 && p.hour % 24 === 12)!;
    expect(friday.mean - thursday.mean).toBeGreaterThan(120);
    expect(friday.mean - thursday.mean).toBeLessThan(180);
  });

  it('beats seasonal naive on rolling origins, with intervals near their nominal 90 %', () => {
    const { series } = synthetic(8);
    const e = evaluateRollingOrigin(series, 0, { horizon: 24, firstOrigin: 3 * 168, originStep: 24 });
    expect(e.origins).toBeGreaterThanOrEqual(30);
    expect(e.modelMae).toBeLessThan(12); // the noise's own mean absolute value is 10
    expect(e.mase).toBeLessThan(0.9);
    expect(e.coverage).toBeGreaterThan(0.8);
    expect(e.coverage).toBeLessThan(0.98);
  });

  it('falls back with short history: daily season from two days, a flat level before', () => {
    const { series } = synthetic(3);
    expect(methodFor(series.slice(0, 30))).toBe('flat');
    expect(methodFor(series.slice(0, 60))).toBe('daily-seasonal');
    expect(methodFor([Number.NaN, ...series.slice(0, 336)])).toBe('double-seasonal');
    const daily = forecastArrivals(fitArrivals(series.slice(0, 72), 0, { horizon: 24 }), 24);
    // The daily wave is there: 06:00 (crest at 200 + 120) well above 18:00 (trough at 200 − 120).
    expect(daily[6]!.mean - daily[18]!.mean).toBeGreaterThan(150);
    for (const p of daily) expect(p.lower).toBeGreaterThanOrEqual(0);
  });

  it('learns nothing from missing hours and forecasts through them', () => {
    const { truth, series } = synthetic(4);
    const gappy = series.map((y, i) => (i % 168 >= 30 && i % 168 < 42 ? Number.NaN : y));
    const ahead = forecastArrivals(fitArrivals(gappy, 0, { horizon: 24 }), 24);
    const mae = ahead.reduce((s, p, k) => s + Math.abs(p.mean - truth(gappy.length + k)), 0) / ahead.length;
    expect(mae).toBeLessThan(15);
  });
});

describe('arrivals model on a real public hourly series (BTS flights, vega-datasets)', () => {
  it('beats the seasonal-naive forecast: MASE < 1 over rolling origins, coverage near 90 %', () => {
    const { series, startHour } = flightsPerHour();
    expect(series.length).toBeGreaterThan(12 * 168); // about thirteen weeks of hours
    const e = evaluateRollingOrigin(series, startHour, { horizon: 24, firstOrigin: 4 * 168, originStep: 24 });
    expect(e.origins).toBeGreaterThanOrEqual(50);
    expect(e.mase).toBeLessThan(1);
    expect(e.mase).toBeLessThan(0.9);
    expect(e.coverage).toBeGreaterThan(0.8);
  });
});
