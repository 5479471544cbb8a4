// The hours the arrivals fit leaves out (unusual-hours.ts): over the wait
// target where the site mostly is not at that hour of the day.
import { describe, expect, it } from 'vitest';
import { unusualHours } from '../../../src/hub/forecast/unusual-hours.js';

const DAY = 24;
/** Two reports an hour at `wait` minutes each, `arrivals` an hour (100 unless given). */
const row = (hour: number, wait: number, arrivals = 100) => ({ hour, reports: 2, waitSum: 2 * wait, arrivalsSum: 2 * arrivals });

describe('the hours the arrivals fit leaves out', () => {
  it("leaves out a surge's hours over target, and keeps the hours within it on either side", () => {
    const rows = Array.from({ length: 7 * DAY }, (_, h) => row(h, 5));
    // Day 0, 07:00–09:00: a surge's queue (31, 57, 64 minutes); 10:00 back at 29.
    for (const [h, w] of [[7, 31], [8, 57], [9, 64], [10, 29]] as const) rows[h] = row(h, w);
    expect([...unusualHours(rows, 30)].sort((a, b) => a - b)).toEqual([7, 8, 9]);
  });

  it("leaves out the surge's climb into it: up to two hours before, while the arrivals rose hour on hour", () => {
    const rows = Array.from({ length: 7 * DAY }, (_, h) => row(h, 5, 40));
    // Day 0: 36 an hour at 10:00, 5 at 11:00, then 241 and 326 within target, and the queue over it from 14:00.
    for (const [h, w, a] of [[10, 0, 36], [11, 8, 5], [12, 8, 241], [13, 15, 326], [14, 48, 543], [15, 55, 385]] as const) rows[h] = row(h, w, a);
    expect([...unusualHours(rows, 30)].sort((a, b) => a - b)).toEqual([12, 13, 14, 15]);
    // Arrivals that did not rise into it (a fault's queue on an ordinary load) take no hour before with them.
    const fault = Array.from({ length: 7 * DAY }, (_, h) => row(h, h === 9 ? 45 : 5, 40));
    expect([...unusualHours(fault, 30)]).toEqual([9]);
  });

  it("keeps an hour over target on most days at that hour: that is the site's routine, not a surge", () => {
    const rows = Array.from({ length: 7 * DAY }, (_, h) => row(h, h % DAY === 16 && Math.floor(h / DAY) < 4 ? 40 : 5));
    expect(unusualHours(rows, 30).size).toBe(0);
    // On three days of seven it is not the routine: those hours go.
    const fewer = Array.from({ length: 7 * DAY }, (_, h) => row(h, h % DAY === 16 && Math.floor(h / DAY) < 3 ? 40 : 5));
    expect([...unusualHours(fewer, 30)]).toEqual([16, 16 + DAY, 16 + 2 * DAY]);
  });

  it('counts hours with no report as neither', () => {
    expect(unusualHours([{ hour: 3, reports: 0, waitSum: 0, arrivalsSum: 0 }, row(4, 45), row(4 + DAY, 2), row(4 + 2 * DAY, 2)], 30)).toEqual(new Set([4]));
  });
});
