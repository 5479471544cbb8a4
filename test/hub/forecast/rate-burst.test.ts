// A burst in the counter rate (rate-burst.ts): its head, a lone jump beyond
// the band; its tail, a rate falling report on report, and the pace it falls at.
import { describe, expect, it } from 'vitest';
import { fadedAtPace, FALL_MAX_SHARE, FALL_MIN_STEPS, fallingPace, loneJump } from '../../../src/hub/forecast/rate-burst.js';
import type { RecentReport } from '../../../src/hub/store/recent-report-store.js';

const T0 = Date.UTC(2026, 11, 2, 15);
const MIN = 60_000;
/** One report every 5 minutes from T0, at these rates (and waits, 0 unless given). */
const reports = (rates: readonly number[], open: (i: number) => boolean = () => true, waits: readonly number[] = []): RecentReport[] =>
  rates.map((arrivalsPerHour, i) => ({ atMs: T0 + i * 5 * MIN, arrivalsPerHour, queueLength: 0, waitMinutes: waits[i] ?? 0, open: open(i) }));

describe('fallingPace', () => {
  // The band's top at 40 in every case.
  it('is the factor per hour of a planeload leaving the counter rate', () => {
    // 0 before the flight, then 202 → 104 in twenty minutes.
    const pace = fallingPace(reports([0, 0, 202, 171, 145, 123, 104]), 40, 30);
    expect(pace).toBeCloseTo((104 / 202) ** 3);
    expect(fadedAtPace(100, pace!, 1)).toBeCloseTo(100 * pace!);
    expect(fadedAtPace(100, pace!, -0.5)).toBe(100);
    // Two reports after the ferry landed it is falling already (39 → 28 in ten minutes; the band's top at 20).
    expect(fallingPace(reports([0, 0, 39, 33, 28]), 20, 30)).toBeCloseTo((28 / 39) ** 6);
  });

  it('is none for a surge: the next flight lands on the last one\'s tail', () => {
    // ABT: a plane every half hour, the rate between them never back within the band.
    expect(fallingPace(reports([0, 213, 180, 152, 129, 109, 92, 78, 66, 280, 237, 201]), 40, 30)).toBeUndefined();
    // The next flight lands on a hall still clearing the last (36 waiting at 12 minutes), though the rate fell within the band.
    const always = () => true;
    expect(fallingPace(reports([0, 213, 160, 120, 76, 284, 240, 203], always, [0, 14, 24, 20, 12, 16, 31, 28]), 80, 30)).toBeUndefined();
    // The first flight of it, though, is a lone burst until the next lands.
    expect(fallingPace(reports([0, 213, 180, 152]), 40, 30)).toBeCloseTo((152 / 213) ** 6);
  });

  it('needs every step since the peak to fall, and far enough', () => {
    expect(FALL_MIN_STEPS).toBe(2);
    // A jump at the end is no fall; one step since the peak is too few.
    expect(fallingPace(reports([0, 202, 171, 145, 240]), 40, 30)).toBeUndefined();
    expect(fallingPace(reports([0, 202, 171]), 40, 30)).toBeUndefined();
    // Falls of 2 % a step are chatter, not a burst's tail.
    expect(0.96 > FALL_MAX_SHARE).toBe(true);
    expect(fallingPace(reports([0, 500, 490, 480]), 40, 30)).toBeUndefined();
    // A rate fallen to nothing has no pace; a peak within the band is no burst.
    expect(fallingPace(reports([0, 200, 100, 0]), 40, 30)).toBeUndefined();
    expect(fallingPace(reports([0, 36, 30, 20]), 40, 30)).toBeUndefined();
  });

  it('reads no report from before the site last opened', () => {
    // Open from the third report: the peak has no report before it.
    expect(fallingPace(reports([0, 250, 200, 150, 100], (i) => i >= 2), 40, 30)).toBeUndefined();
    expect(fallingPace(reports([0, 0, 200, 150, 100], (i) => i >= 1), 40, 30)).toBeCloseTo((100 / 200) ** 6);
  });
});

describe('loneJump', () => {
  it('is a report beyond the band straight after one within it', () => {
    // The band's top at 40: a planeload lands on a quiet evening.
    expect(loneJump(reports([22, 16, 14, 215]), 40, 30)).toBe(true);
    // A planeload's own first travellers queueing a few minutes before its rate jumps: still alone.
    expect(loneJump(reports([22, 16, 14, 215], () => true, [1, 3, 5, 8]), 40, 30)).toBe(true);
    // Onto a hall still clearing an earlier flight (a wait of 12 minutes): a surge's next flight, not alone.
    expect(loneJump(reports([120, 90, 76, 284], () => true, [20, 15, 12, 16]), 80, 30)).toBe(false);
    // The next report: the one before was beyond the band already — read as before.
    expect(loneJump(reports([16, 14, 215, 180]), 40, 30)).toBe(false);
    // Within the band, or no report before it.
    expect(loneJump(reports([22, 16, 14, 30]), 40, 30)).toBe(false);
    expect(loneJump(reports([215]), 40, 30)).toBe(false);
    // The report before was from before the site opened: no jump read.
    expect(loneJump(reports([0, 215], (i) => i === 1), 40, 30)).toBe(false);
  });
});
