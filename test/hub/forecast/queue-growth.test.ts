// The queue as the early warning's evidence (queue-growth.ts): which runs of
// reports are a queue outgrowing its hall, how far its wait is carried, and
// how the hours ahead take it in.
import { describe, expect, it } from 'vitest';
import type { ScenarioHour } from '../../../src/core/model.js';
import {
  grownWaitMinutes,
  QUEUE_GROWTH_AHEAD_HOURS,
  QUEUE_GROWTH_MIN_WAIT_MINUTES,
  queueGrowth,
  withQueueGrowth,
} from '../../../src/hub/forecast/queue-growth.js';
import type { RecentReport } from '../../../src/hub/store/recent-report-store.js';

const T0 = Date.UTC(2026, 11, 4, 8);
const MIN = 60_000;
/** A report every 5 minutes for 45 minutes ending at T0 + 45 min: the queue by the minute, a wait of `perPerson` minutes each. */
const reports = (queue: (minute: number) => number, perPerson = 0.1, open = () => true): RecentReport[] =>
  Array.from({ length: 10 }, (_, i) => {
    const minute = i * 5;
    const q = queue(minute);
    return { atMs: T0 + minute * MIN, arrivalsPerHour: 500, queueLength: q, waitMinutes: q * perPerson, open: open() };
  });

describe('a queue outgrowing its hall', () => {
  it('is read from a queue longer at every report: its growth an hour, the queue now and the wait each person adds', () => {
    // A land crossing's queue: 60 more every 5 minutes… 720 an hour.
    const growth = queueGrowth(reports((m) => 60 + 12 * m));
    expect(growth).toMatchObject({ atMs: T0 + 45 * MIN, queue: 600, minutesPerPerson: 0.1 });
    expect(growth!.perHour).toBeCloseTo(720);
  });

  it('takes the faster of the window\'s growth and its later half\'s, as a surge\'s queue grows faster as it builds', () => {
    const accelerating = queueGrowth(reports((m) => 20 + m * m))!;
    // Over the 40 minutes from 45 to 2,045 people: 3,000 an hour; over the last 20 (645 → 2,045): 4,200.
    expect(accelerating.perHour).toBeCloseTo(4200);
  });

  it('is none after a planeload: the queue jumps once and shortens report on report', () => {
    expect(queueGrowth(reports((m) => (m < 10 ? 0 : 120 - 2 * m), 0.2))).toBeUndefined();
  });

  it('is none when the queue stands: a service centre\'s morning at the same length, give or take', () => {
    expect(queueGrowth(reports((m) => 200 + ((m / 5) % 2 === 0 ? 2 : -2)))).toBeUndefined();
  });

  it(`is none below a ${QUEUE_GROWTH_MIN_WAIT_MINUTES}-minute wait, or from too few reports`, () => {
    expect(queueGrowth(reports((m) => 5 + m, 0.05))).toBeUndefined();
    expect(queueGrowth(reports((m) => 60 + 12 * m).slice(-4))).toBeUndefined();
  });

  it('is none where travellers come one by one and one step holds most of the rise: a wave, not desks falling behind', () => {
    // A service centre at its second opening: 4 waiting, then 20 more between two reports, then a few more a report.
    const wave = reports((m) => (m < 20 ? 4 + (m % 10 === 0 ? 0 : 1) : 24 + (m - 20) / 5), 1.3);
    expect(queueGrowth(wave, 'service-centre')).toBeUndefined();
    expect(queueGrowth(wave, 'land')).toBeUndefined();
    // At an airport a surge's planeloads land a step at a time on the queue: read there, and where the kind is not given.
    expect(queueGrowth(wave, 'air')).toBeDefined();
    expect(queueGrowth(wave)).toBeDefined();
    // A crossing's queue growing report on report is growth all the same.
    expect(queueGrowth(reports((m) => 60 + 12 * m), 'land')).toBeDefined();
  });

  it('is none at an airport whose latest report holds most of the rise: a planeload just landed, read at the next report', () => {
    // A few people more a report, then 60 at once at the latest report.
    const landed = reports((m) => (m < 45 ? 1 + m / 5 : 68), 0.2);
    expect(queueGrowth(landed, 'air')).toBeUndefined();
    // Five minutes on, the queue longer still: the next flight lands on it, and the rise is growth.
    const next = [...landed.slice(1), { ...landed.at(-1)!, atMs: T0 + 50 * MIN, queueLength: 90, waitMinutes: 18 }];
    expect(queueGrowth(next, 'air')).toBeDefined();
  });

  it('reads nothing from before the site last opened: a queue at its doors is no growth', () => {
    const atOpening = reports((m) => 60 + 12 * m).map((r, i) => ({ ...r, open: i >= 7 }));
    expect(queueGrowth(atOpening)).toBeUndefined();
  });

  it(`carries the wait on for ${QUEUE_GROWTH_AHEAD_HOURS} h at most`, () => {
    const growth = { atMs: T0, perHour: 600, queue: 100, minutesPerPerson: 0.1 };
    expect(grownWaitMinutes(growth, 0.5)).toBeCloseTo(40);
    expect(grownWaitMinutes(growth, 3)).toBeCloseTo(grownWaitMinutes(growth, QUEUE_GROWTH_AHEAD_HOURS));
  });
});

describe('the hours ahead with the growth in them', () => {
  const hour = (at: number, over: Partial<ScenarioHour> = {}): ScenarioHour => ({
    at: new Date(at).toISOString(), arrivalsPerHour: 500, countersOpen: 6, egatesInService: 0, maxCounters: 10, stable: true, waitMinutes: 4, breach: false, countersAdvised: 6, advisedWithinTarget: true, ...over,
  });
  const report = T0 + 45 * MIN;
  const hours = [hour(T0), hour(T0 + 60 * MIN), hour(T0 + 120 * MIN), hour(T0 + 180 * MIN)];

  it('breaches the hours the growth takes past the target, advising a counter for each 90 people an hour it grows by', () => {
    // The report at 08:45, carried 1.5 h: to 10:15.
    const growth = { atMs: report, perHour: 150, queue: 75, minutesPerPerson: 0.1 };
    // By 09:00 (a quarter hour on) 11.25 min; by 10:00 26.25; by 10:15 (the carry's end) 30 — at the target, no breach.
    expect(withQueueGrowth(hours, growth, 30, 90).map((h) => h.breach)).toEqual([false, false, false, false]);
    const faster = { ...growth, perHour: 300 };
    // 15 min by 09:00; 45 by 10:00; 52.5 by 10:15: the hours from 09:00 and 10:00 breach, 11:00 is beyond the carry.
    const grown = withQueueGrowth(hours, faster, 30, 90);
    expect(grown.map((h) => h.breach)).toEqual([false, true, true, false]);
    expect(grown[1]).toMatchObject({ waitMinutes: 45, countersAdvised: 6 + 4, advisedWithinTarget: true });
    expect(grown[2]).toMatchObject({ waitMinutes: 52.5 });
    // Growing by 400 an hour needs 5 more: the 10 the site can open are not enough.
    expect(withQueueGrowth(hours, { ...growth, perHour: 400 }, 30, 90)[1]).toMatchObject({ waitMinutes: 57.5, countersAdvised: 10, advisedWithinTarget: false });
  });

  it('leaves an hour the model already sees worse as it is, and every hour with no growth', () => {
    const growth = { atMs: report, perHour: 400, queue: 100, minutesPerPerson: 0.1 };
    const worse = [hours[0]!, hour(T0 + 60 * MIN, { stable: false, waitMinutes: null, breach: true, countersAdvised: 10, advisedWithinTarget: false })];
    expect(withQueueGrowth(worse, growth, 30, 90)[1]).toEqual(worse[1]);
    expect(withQueueGrowth(hours, undefined, 30, 90)).toEqual(hours);
  });
});
