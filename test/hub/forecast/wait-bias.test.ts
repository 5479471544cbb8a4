// The queueing model's bias at a site (wait-bias.ts): replayed on the site's
// own hours, set against the waits it recorded, by hour of the day.
import { describe, expect, it } from 'vitest';
import type { ScenarioHour } from '../../../src/core/model.js';
import { predictCarried } from '../../../src/hub/forecast/queue-carry.js';
import { STATION_PARAMS } from '../../../src/hub/forecast/queueing-station.js';
import { correctWaits, NO_WAIT_BIAS, WAIT_BIAS_BOUNDS, waitBias } from '../../../src/hub/forecast/wait-bias.js';
import { HOUR_MS } from '../../../src/hub/telemetry/flow-history.js';

const model = { params: STATION_PARAMS['service-centre'], waitTargetMinutes: 30 };
const DAY0 = Date.parse('2026-11-02T00:00:00Z') / HOUR_MS;
const PEAK = { arrivalsPerHour: 48, countersOpen: 4, egatesInService: 0 };
const QUIET = { arrivalsPerHour: 20, countersOpen: 4, egatesInService: 0 };
/** The model's own wait for the peak hour after a quiet one (what the site's record is set against). */
const modelPeak = () => predictCarried([QUIET, PEAK].map((h, i) => ({ ...h, at: new Date((DAY0 + 8 + i) * HOUR_MS).toISOString(), maxCounters: 4 })), model, 0)[1]!.waitMinutes!;

/** `days` days of 08:00 quiet, 09:00 peak recording `peakWait` minutes. */
function history(days: number, peakWait: number) {
  return Array.from({ length: days }, (_, d) => [
    { hour: DAY0 + d * 24 + 8, reports: 2, ...QUIET, waitMeanMinutes: 1 },
    { hour: DAY0 + d * 24 + 9, reports: 2, ...PEAK, waitMeanMinutes: peakWait },
  ]).flat();
}

const predicted = (at: string, waitMinutes: number | null): ScenarioHour => ({
  at, arrivalsPerHour: 48, countersOpen: 4, egatesInService: 0, maxCounters: 4, stable: waitMinutes !== null, waitMinutes, breach: !(waitMinutes !== null && waitMinutes <= 30), countersAdvised: 4, advisedWithinTarget: true,
});

describe("the queueing model's bias at a site", () => {
  it('is the recorded wait over the replayed one at the hour the site ran below the model, shrunk toward 1 with little evidence; 1 where the model saw no queue', () => {
    const m = modelPeak();
    expect(m).toBeGreaterThan(30); // the model, pessimistic: a breach at a peak the site runs at 24 min
    const week = waitBias(history(7, 24), model);
    const day = waitBias(history(1, 24), model);
    expect(week[9]).toBeCloseTo(Math.max(WAIT_BIAS_BOUNDS.min, (7 * 24 + 60) / (7 * m + 60)), 6);
    expect(day[9]).toBeGreaterThan(week[9]!); // one day's evidence moves it less
    expect(week[9]! * m).toBeLessThan(30);
    expect(week[8]).toBe(1);
    expect(week[3]).toBe(1);
  });

  it('stays within its bounds, and a gap in the record starts the queue again from none', () => {
    expect(waitBias(history(14, 500), model)[9]).toBe(WAIT_BIAS_BOUNDS.max);
    expect(waitBias(history(14, 0), model)[9]).toBe(WAIT_BIAS_BOUNDS.min);
    expect(waitBias([], model)).toEqual(NO_WAIT_BIAS);
  });

  it("scales each hour's wait by its hour of the day and judges the breach again; an unstable hour stays a breach", () => {
    const bias = NO_WAIT_BIAS.map((b, d) => (d === 9 ? 0.6 : b));
    const hours = correctWaits([predicted('2026-12-02T09:00:00.000Z', 40), predicted('2026-12-02T10:00:00.000Z', 40), predicted('2026-12-02T09:00:00.000Z', null)], bias, 30);
    expect(hours.map((h) => [h.waitMinutes, h.breach])).toEqual([[24, false], [40, true], [null, true]]);
  });
});
