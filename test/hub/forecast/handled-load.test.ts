import { describe, expect, it } from 'vitest';
import type { ScenarioHour } from '../../../src/core/model.js';
import { breachesBeyondHandled, handledAt, handledLoad, usuallyRecovers } from '../../../src/hub/forecast/handled-load.js';

let clock = 0;
const hour = (arrivalsPerHour: number, countersOpen: number, waitMeanMinutes: number) => ({ hour: clock++, reports: 2, arrivalsPerHour, countersOpen, waitMeanMinutes });
const predicted = (arrivalsPerHour: number, breach: boolean, maxCounters = 4): ScenarioHour => ({
  at: '2026-12-02T06:00:00.000Z', arrivalsPerHour, countersOpen: 4, egatesInService: 1, maxCounters, stable: !breach, waitMinutes: breach ? null : 20, breach, countersAdvised: 4, advisedWithinTarget: true,
});

describe("a site's handled load", () => {
  it('is the most arrivals an hour took within target, by counters open, never less with more counters', () => {
    const load = handledLoad([hour(40, 4, 22), hour(51, 4, 26), hour(30, 3, 8), hour(55, 4, 29), hour(60, 4, 45), hour(45, 2, 12)], 30);
    // 60 an hour breached, and the 55 before it was a queue building: 51 is the most four counters took; two took 45,
    // so three and four take at least that.
    expect(load).toEqual([0, 0, 45, 45, 51]);
    expect(handledAt(load, 4)).toBe(51);
    expect(handledAt(load, 9)).toBe(51);
    expect(handledAt([], 4)).toBe(0);
  });

  it("clears the model's breach on a load the site has handled (10 % to spare), keeps a surge's and every hour after it", () => {
    const load = handledLoad([hour(50, 4, 22)], 30);
    const hours = [predicted(45, true), predicted(56, true), predicted(80, false), predicted(50, true)];
    expect(breachesBeyondHandled(hours, load, false).map((h) => h.breach)).toEqual([false, true, false, true]);
  });

  it('leaves every breach when the site waits over target now, or has no record', () => {
    const hours = [predicted(45, true)];
    expect(breachesBeyondHandled(hours, handledLoad([hour(50, 4, 22)], 30), true)[0]!.breach).toBe(true);
    expect(breachesBeyondHandled(hours, [], false)[0]!.breach).toBe(true);
  });
});

describe('a wait over target the site usually recovers from', () => {
  const day = (waitMaxMinutes: number, waitMeanMinutes: number, reports = 12, countersOpen = 4) => ({ reports, waitMaxMinutes, waitMeanMinutes, countersOpen, egatesInService: 0 });
  it("is a service centre's opening: over target at some report on most days at the hour, the hour's mean within it", () => {
    expect(usuallyRecovers([day(44, 12), day(43, 14), day(35, 20), day(12, 6), day(0, 0, 0)], 30)).toBe(true);
    // Near the target (27 of 30) counts as reaching it: a centre whose mornings peak at 27–38 minutes.
    expect(usuallyRecovers([day(37.7, 27.8), day(27.1, 24), day(28.5, 24.2), day(23.1, 22.4), day(22.3, 22.3)], 30)).toBe(true);
  });

  it("is a centre's morning that runs near its target all hour, day after day, though no report reached 27 minutes", () => {
    expect(usuallyRecovers([day(24, 22.5), day(26, 23), day(25.5, 24), day(23, 22), day(12, 8)], 30)).toBe(true);
  });

  it('counts only the days the site was open at the hour: a centre shut two days a week still recovers on the others', () => {
    const weekday = day(28.5, 24.2);
    const shut = day(0, 0, 12, 0);
    expect(usuallyRecovers([weekday, weekday, shut, shut, day(22, 15), weekday, day(23, 16)], 30)).toBe(true);
    // The same open days with the shut ones counted as days it did not reach its target: 3 of 7.
    expect(usuallyRecovers([weekday, weekday, day(0, 0), day(0, 0), day(22, 15), weekday, day(23, 16)], 30)).toBe(false);
  });

  it("is not a regional airport's surge: rarely over target at the hour, or over it all hour when it was", () => {
    expect(usuallyRecovers([day(18, 5), day(22, 6), day(41, 12), day(15, 4)], 30)).toBe(false);
    expect(usuallyRecovers([day(60, 45), day(55, 40), day(20, 8)], 30)).toBe(false);
    expect(usuallyRecovers([], 30)).toBe(false);
  });
});
