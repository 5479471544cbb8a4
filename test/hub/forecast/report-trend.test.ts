// The climb read from the reports within the hour (report-trend.ts): each rule
// that decides whether a line through the reports is a surge's climb.
import { describe, expect, it } from 'vitest';
import { fitLine, LEVEL_MIN_REPORTS, LEVEL_WINDOW_HOURS, reportedLevel, reportedRisePerHour, TREND_MIN_MULTIPLE, TREND_MIN_MULTIPLE_LAND, TREND_MIN_REPORTS, TREND_WINDOW_HOURS, trendMinMultiple, trendReports } from '../../../src/hub/forecast/report-trend.js';
import type { RecentReport } from '../../../src/hub/store/recent-report-store.js';

const T0 = Date.UTC(2026, 11, 2, 10);
const MIN = 60_000;
/** Reports every `every` minutes for `count` reports ending at T0 + 60 min, the rate given by the minute. */
const reports = (count: number, every: number, rate: (minute: number) => number, open: (minute: number) => boolean = () => true): RecentReport[] =>
  Array.from({ length: count }, (_, i) => {
    const minute = 60 - (count - 1 - i) * every;
    return { atMs: T0 + minute * MIN, arrivalsPerHour: rate(minute), queueLength: 0, waitMinutes: 0, open: open(minute) };
  });
const usualAt = () => 300;
const base = { usualAt, usual: 300, reported: 900, spread: Math.sqrt(301), minMultiple: TREND_MIN_MULTIPLE };

describe('the straight line through the reports', () => {
  it('has the slope of an exact line and no error; none from two points or one moment', () => {
    expect(fitLine([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }])).toEqual({ slope: 2, slopeError: 0 });
    expect(fitLine([{ x: 0, y: 1 }, { x: 1, y: 3 }])).toBeUndefined();
    expect(fitLine([{ x: 1, y: 1 }, { x: 1, y: 3 }, { x: 1, y: 5 }])).toBeUndefined();
  });
});

describe('the climb within the hour', () => {
  it('is the excess gained per hour over the reports of the window, when they climb beyond the usual', () => {
    // 300 usual; the reports climb 10 an hour a minute (600 an hour per hour) from 400 to 760.
    const climbing = reports(10, 5, (m) => 400 + 10 * (m - 15));
    expect(reportedRisePerHour({ ...base, reports: climbing, excessNow: 400 })).toBeCloseTo(600);
  });

  it(`reads only the last ${TREND_WINDOW_HOURS} h: an older climb that has levelled off is none`, () => {
    const levelled = reports(24, 5, (m) => (m < 10 ? 300 + 20 * (m + 55) : 800 + (m % 2 === 0 ? 3 : -3)));
    expect(trendReports(levelled).length).toBe(Math.floor((TREND_WINDOW_HOURS * 60) / 5) + 1);
    expect(reportedRisePerHour({ ...base, reports: levelled, excessNow: 450 })).toBe(0);
  });

  it('is none when the line is chatter: a slope within a few of its standard errors, or a climb within the count\'s own spread', () => {
    const chatter = reports(10, 5, (m) => 500 + (m % 10 === 0 ? 80 : -60) + m * 0.5);
    expect(reportedRisePerHour({ ...base, reports: chatter, excessNow: 150 })).toBe(0);
    const gentle = reports(10, 5, (m) => 500 + m * 0.2);
    expect(reportedRisePerHour({ ...base, reports: gentle, excessNow: 150 })).toBe(0);
    expect(reportedRisePerHour({ ...base, spread: 1, reports: gentle, excessNow: 150 })).toBeCloseTo(12);
  });

  it('is none while the latest report is within the usual band, however steep the climb to it', () => {
    const climbing = reports(10, 5, (m) => 100 + 4 * m);
    expect(reportedRisePerHour({ ...base, reports: climbing, excessNow: 0 })).toBe(0);
  });

  it(`is undefined (the hours decide) with fewer than ${TREND_MIN_REPORTS} reports in the window: a site reporting every 30 min`, () => {
    expect(reportedRisePerHour({ ...base, reports: reports(3, 20, (m) => 400 + 10 * m), excessNow: 400 })).toBeUndefined();
    expect(reportedRisePerHour({ ...base, reports: [], excessNow: 400 })).toBeUndefined();
  });

  it('takes no report from before the site last opened: its doors opening is no climb', () => {
    // Shut (nothing open, nobody) until minute 40, then the usual: four reports since opening span too little to say.
    const opening = reports(10, 5, (m) => (m < 40 ? 0 : 300 + m), (m) => m >= 40);
    expect(trendReports(opening).every((r) => r.open)).toBe(true);
    expect(reportedRisePerHour({ ...base, reports: opening, excessNow: 50 })).toBeUndefined();
  });

  it(`is none while the latest report is under ${TREND_MIN_MULTIPLE} × the usual: a busier morning than the history climbs too`, () => {
    const climbing = reports(10, 5, (m) => 400 + 10 * (m - 15));
    expect(reportedRisePerHour({ ...base, reports: climbing, reported: 590, excessNow: 250 })).toBe(0);
    expect(reportedRisePerHour({ ...base, reports: climbing, reported: 600, excessNow: 250 })).toBeCloseTo(600);
  });

  it(`is read from ${TREND_MIN_MULTIPLE_LAND} × the usual at a land crossing, whose traffic has no opening and no timetable`, () => {
    expect(trendMinMultiple('land')).toBe(TREND_MIN_MULTIPLE_LAND);
    expect(trendMinMultiple('service-centre')).toBe(TREND_MIN_MULTIPLE);
    const climbing = reports(10, 5, (m) => 400 + 10 * (m - 15));
    expect(reportedRisePerHour({ ...base, minMultiple: trendMinMultiple('land'), reports: climbing, reported: 390, excessNow: 50 })).toBeCloseTo(600);
  });
});

describe('the rate now', () => {
  it(`is the mean of the last ${LEVEL_WINDOW_HOURS} h of reports: a ferry's peak caught by the latest report is not the rate`, () => {
    // Every 5 minutes at 20 an hour, the latest at 140 (the ferry's passengers in the counter's rate).
    const ferry = reports(10, 5, (m) => (m === 60 ? 140 : 20));
    expect(reportedLevel(ferry)).toBeCloseTo((140 + 5 * 20) / 6);
  });

  it(`is undefined (the latest report stands) with fewer than ${LEVEL_MIN_REPORTS} reports in it, or none since the site opened`, () => {
    expect(reportedLevel(reports(3, 20, () => 50))).toBeUndefined();
    expect(reportedLevel(reports(10, 5, (m) => (m < 55 ? 0 : 40), (m) => m >= 55))).toBeUndefined();
    expect(reportedLevel([])).toBeUndefined();
  });
});
