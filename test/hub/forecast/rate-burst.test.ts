// A burst in the counter rate (rate-burst.ts): its head, a lone jump beyond
// the band; its tail, a rate falling report on report, and the pace it falls at.
import { describe, expect, it } from 'vitest';
import { fadedAtPace, FALL_MAX_SHARE, FALL_MIN_STEPS, fallingPace, loneJump } from '../../../src/hub/forecast/rate-burst.js';
import type { RecentReport } from '../../../src/hub/store/recent-report-store.js';

const T0 = Date.UTC(2026, 11, 2, 15);
const MIN = 60_000;
/** One report every 5 minutes from T0, at these rates. */
const reports = (rates: readonly number[], open: (i: number) => boolean = () => true): RecentReport[] =>
  rates.map((arrivalsPerHour, i) => ({ atMs: T0 + i * 5 * MIN, arrivalsPerHour, queueLength: 0, waitMinutes: 0, open: open(i) }));

describe('fallingPace', () => {
  it('is the factor per hour of a planeload leaving the counter rate', () => {
    // 0 before the flight, then 202 → 104: the last two steps, 145 → 104 in ten minutes.
    const pace = fallingPace(reports([0, 0, 202, 171, 145, 123, 104]));
    expect(pace).toBeCloseTo((104 / 145) ** 6);
    // Two reports after the flight landed it is falling already (a ferry: 39 → 28 in ten minutes).
    expect(fallingPace(reports([0, 0, 39, 33, 28]))).toBeCloseTo((28 / 39) ** 6);
    expect(fadedAtPace(100, pace!, 1)).toBeCloseTo(100 * pace!);
    expect(fadedAtPace(100, pace!, -0.5)).toBe(100);
  });

  it('needs every one of the last steps to fall, and far enough', () => {
    expect(FALL_MIN_STEPS).toBe(2);
    // A jump at the end (a surge's next flight) is no fall.
    expect(fallingPace(reports([202, 171, 145, 123, 240]))).toBeUndefined();
    // One step level is no fall.
    expect(fallingPace(reports([202, 171, 171]))).toBeUndefined();
    // A land crossing's evening: falls of 2 % each are chatter, not a burst's tail.
    const gentle = [500, 490, 480];
    expect(gentle.at(-1)! / gentle[0]! > FALL_MAX_SHARE).toBe(true);
    expect(fallingPace(reports(gentle))).toBeUndefined();
    // Too few reports; a rate fallen to nothing has no pace.
    expect(fallingPace(reports([200, 100]))).toBeUndefined();
    expect(fallingPace(reports([200, 100, 0]))).toBeUndefined();
  });

  it('reads no report from before the site last opened', () => {
    // Closed for the first three: only two reports since it opened.
    expect(fallingPace(reports([300, 250, 200, 150, 100], (i) => i >= 3))).toBeUndefined();
    expect(fallingPace(reports([300, 250, 200, 150, 100], (i) => i >= 2))).toBeCloseTo((100 / 200) ** 6);
  });
});

describe('loneJump', () => {
  it('is a report beyond the band straight after one within it', () => {
    // The band's top at 40: a planeload lands on a quiet evening.
    expect(loneJump(reports([22, 16, 14, 215]), 40)).toBe(true);
    // The next report: the one before was beyond the band already — read as before.
    expect(loneJump(reports([16, 14, 215, 180]), 40)).toBe(false);
    // Within the band, or no report before it.
    expect(loneJump(reports([22, 16, 14, 30]), 40)).toBe(false);
    expect(loneJump(reports([215]), 40)).toBe(false);
    // The report before was from before the site opened: no jump read.
    expect(loneJump(reports([0, 215], (i) => i === 1), 40)).toBe(false);
  });
});
