// The forecast chart's pixels, from a fixed forecast: the bar reaches the
// forecast, the interval band spans lower to upper above it, the scale and
// the hours are drawn, and the site's name (an outside string) never is.
import { describe, expect, it } from 'vitest';
import type { SiteForecast } from '../../src/core/model.js';
import { forecastOf } from './forecast-fixture.js';
import { CHART_HEIGHT, CHART_WIDTH, forecastRaster, type Raster } from '../../src/render/forecast-raster.js';

const hour = (at: string, arrivalsPerHour: number, lower: number, upper: number) => ({ at, arrivalsPerHour, lower, upper, peaks: [], predictedWaitMinutes: null, countersAdvised: null });
const forecast = (siteId: string): SiteForecast =>
  forecastOf(siteId, [hour('2026-12-06T10:00:00.000Z', 1000, 800, 1200), hour('2026-12-06T11:00:00.000Z', 2000, 1600, 2400), hour('2026-12-06T12:00:00.000Z', 0, 0, 40)]);

const pixel = (r: Raster, x: number, y: number) => [...r.data.slice((y * r.width + x) * 4, (y * r.width + x) * 4 + 3)];
const BAND = [198, 219, 239];
const BAR = [33, 113, 181];
const AI_BAR = [107, 174, 214];
const WHITE = [255, 255, 255];
const AXIS = [90, 90, 90];

// Plot area of the default size: x 44…708, y 16…266; the scale’s top is 3,000 (grid step 1,000).
const x = (slot: number) => Math.round(44 + (slot + 0.5) * (664 / 3));
const y = (value: number) => Math.round(266 - (value / 3000) * 250);

describe('forecast chart raster', () => {
  it('splits a contact centre’s bar: the callers left for a person at its foot, the AI agent’s share above', () => {
    const line = forecast('CC-992');
    const r = forecastRaster({ ...line, hours: line.hours.map((h) => ({ ...h, aiShare: 0.5, aiShareLower: 0.5, aiShareUpper: 0.5, personArrivalsPerHour: h.arrivalsPerHour / 2 })) });
    expect(pixel(r, x(1), y(900))).toEqual(BAR);
    expect(pixel(r, x(1), y(1900))).toEqual(AI_BAR);
    expect(pixel(r, x(1), y(2200))).toEqual(BAND);
  });

  it('draws each hour as a bar to its forecast inside a band from lower to upper', () => {
    const r = forecastRaster(forecast('JED'));
    expect([r.width, r.height, r.data.length]).toEqual([CHART_WIDTH, CHART_HEIGHT, CHART_WIDTH * CHART_HEIGHT * 4]);
    expect(pixel(r, x(1), y(1900))).toEqual(BAR);
    expect(pixel(r, x(1), y(2200))).toEqual(BAND);
    expect(pixel(r, x(1), y(2450))).not.toEqual(BAND);
    expect(pixel(r, x(0), y(1100))).toEqual(BAND);
    expect(pixel(r, x(0), y(900))).toEqual(BAR);
    // The band's edge beside the bar: the bar is inset in its hour, the band is not.
    expect(pixel(r, Math.round(44 + 664 / 3) + 1, y(2000))).toEqual(BAND);
    // An hour with no arrivals has no bar.
    expect(pixel(r, x(2), y(20) - 3)).not.toEqual(BAR);
  });

  it('writes the hours of the day under the ticks and the scale beside the axis', () => {
    const r = forecastRaster(forecast('JED'));
    const inked = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) if (String(pixel(r, xx, yy)) === String(AXIS)) n++;
      return n;
    };
    // "10" under the first tick (x 44), below the axis.
    expect(inked(30, 276, 60, 290)).toBeGreaterThan(20);
    // "3000" left of the axis at the top grid line.
    expect(inked(0, 8, 40, 24)).toBeGreaterThan(40);
    // Nothing written in the plot's empty top-right corner.
    expect(inked(600, 20, 700, 60)).toBe(0);
  });

  it('never draws the site id: a hostile one leaves the same pixels as a plain one', () => {
    const plain = forecastRaster(forecast('JED'));
    const hostile = forecastRaster(forecast('<script>\u202e\u0000'.repeat(50)));
    expect(Buffer.from(hostile.data).equals(Buffer.from(plain.data))).toBe(true);
  });

  it('an empty forecast is an empty plot, not a failure', () => {
    const r = forecastRaster({ ...forecast('JED'), hours: [] });
    expect(pixel(r, 400, 100)).toEqual(WHITE);
  });
});
