// A site's own counter rate from its flow history, and the hours ahead as a
// queue that carries over: the rate that reproduces the reported waits, the
// planning figure kept without enough ordinary hours, and a backlog that
// builds, carries and drains as the fluid arithmetic says.
import { describe, expect, it } from 'vitest';
import { STATION_PARAMS, stationWait, type StationParams } from '../../../src/hub/forecast/queueing-station.js';
import { poolHour, predictCarried, standingBacklog } from '../../../src/hub/forecast/queue-carry.js';
import { predictHour } from '../../../src/hub/forecast/scenario.js';
import { calibrateStation, impliedCounterRate, MIN_CALIBRATION_HOURS } from '../../../src/hub/forecast/site-calibration.js';
import { siteModel, siteStation, WAIT_BIAS_REFIT_HOURS } from '../../../src/hub/forecast/site-station.js';
import type { StoreReader } from '../../../src/hub/store/store.js';
import { emptyFlowHour, mergeReport, summariseFlowHour, type FlowHour } from '../../../src/hub/telemetry/flow-history.js';

const HOUR = 490_000;
const hourOf = (i: number, report: { arrivalsPerHour: number; countersOpen: number; egatesInService: number; waitMinutes: number }): FlowHour =>
  summariseFlowHour(mergeReport(emptyFlowHour('JED', HOUR + i), { siteId: 'JED', at: new Date((HOUR + i) * 3_600_000).toISOString(), queueLength: 0, ...report }));

describe('the site calibration', () => {
  const base = STATION_PARAMS.land;
  const truth: StationParams = { ...base, counterServiceRate: 120 };

  it('finds the counter rate at which the model gives the wait an hour reported', () => {
    const load = { arrivalsPerHour: 1000, countersOpen: 9, egatesInService: 0 };
    const waitMinutes = stationWait(load, truth).meanWaitMinutes;
    expect(waitMinutes).toBeGreaterThan(0.1);
    expect(impliedCounterRate({ ...load, waitMeanMinutes: waitMinutes }, base)).toBeCloseTo(120, 1);
  });

  it("fits the median rate of the site's ordinary hours, leaving out quiet and breached ones", () => {
    const hours = [900, 950, 1000, 1020, 980, 930, 970].map((arrivals, i) => {
      const load = { arrivalsPerHour: arrivals, countersOpen: 9, egatesInService: 0 };
      return hourOf(i, { ...load, waitMinutes: Math.round(stationWait(load, truth).meanWaitMinutes * 100) / 100 });
    });
    const quiet = hourOf(10, { arrivalsPerHour: 50, countersOpen: 9, egatesInService: 0, waitMinutes: 0 });
    const breached = hourOf(11, { arrivalsPerHour: 1900, countersOpen: 9, egatesInService: 0, waitMinutes: 95 });
    const fitted = calibrateStation([...hours, quiet, breached], base, 30);
    expect(fitted.hours).toBe(hours.length);
    expect(fitted.params.counterServiceRate).toBeGreaterThan(114);
    expect(fitted.params.counterServiceRate).toBeLessThan(126);
    expect(fitted.params.egateServiceRate).toBe(base.egateServiceRate);
  });

  it('never fits below the planning figure: waits longer than Erlang C says are bursts, not slow desks', () => {
    const slow: StationParams = { ...base, counterServiceRate: 60 };
    const hours = [400, 450, 500, 520, 480, 430, 470].map((arrivals, i) => {
      const load = { arrivalsPerHour: arrivals, countersOpen: 9, egatesInService: 0 };
      return hourOf(i, { ...load, waitMinutes: Math.round(stationWait(load, slow).meanWaitMinutes * 100) / 100 });
    });
    expect(impliedCounterRate({ ...hours[2]!, waitMeanMinutes: hours[2]!.waitMeanMinutes }, base)).toBeLessThan(65);
    expect(calibrateStation(hours, base, 30).params.counterServiceRate).toBe(base.counterServiceRate);
  });

  it('keeps the planning figure with fewer ordinary hours than it needs', () => {
    const few = Array.from({ length: MIN_CALIBRATION_HOURS - 1 }, (_, i) => hourOf(i, { arrivalsPerHour: 500, countersOpen: 9, egatesInService: 0, waitMinutes: 2 }));
    expect(calibrateStation(few, base, 30)).toEqual({ params: base, hours: 0 });
  });
});

describe("a site's station, fitted once an hour", () => {
  const truth: StationParams = { ...STATION_PARAMS.land, counterServiceRate: 120 };
  // The store's rows are the hours' running sums; the fit reads them summarised.
  const raw = (i: number, arrivalsPerHour: number, waitMinutes?: number) => {
    const load = { arrivalsPerHour, countersOpen: 9, egatesInService: 0 };
    const wait = waitMinutes ?? Math.round(stationWait(load, truth).meanWaitMinutes * 100) / 100;
    return mergeReport(emptyFlowHour('JED', HOUR + i), { siteId: 'JED', at: new Date((HOUR + i) * 3_600_000).toISOString(), queueLength: 0, ...load, waitMinutes: wait });
  };

  it('refits on each new hour with the rows as they are now, the same as fitting them afresh', async () => {
    let rows = [900, 950, 1000, 1020, 980, 930, 970].map((a, i) => raw(i, a));
    const store = { listFlowHours: async ({ toHour }: { toHour: number }) => rows.filter((r) => r.hour < toHour) } as unknown as StoreReader;
    const site = { id: 'JED', kind: 'land' as const };
    const at = (i: number) => new Date((HOUR + i) * 3_600_000 + 60_000);
    const fresh = (i: number) => calibrateStation(rows.filter((r) => r.hour < HOUR + i).map(summariseFlowHour), STATION_PARAMS.land, 30).params;

    const first = await siteStation(store, site, at(7), 30);
    expect(first).toEqual(fresh(7));
    // A new hour, and a late report that revised an hour already fitted: slower desks then.
    rows = [...rows, raw(7, 1010)];
    rows[3] = raw(3, 1020, 6);
    rows[4] = raw(4, 980, 6);
    rows[5] = raw(5, 930, 6);
    rows[6] = raw(6, 970, 6);
    const next = await siteStation(store, site, at(8), 30);
    expect(next).toEqual(fresh(8));
    expect(next.counterServiceRate).not.toBe(first.counterServiceRate);
  });

  it("refits the model's bias once a day of the site's clock, and at once when its history has doubled", async () => {
    let rows = Array.from({ length: 40 }, (_, i) => raw(i, 950 + (i % 5) * 20));
    const store = { listFlowHours: async ({ toHour }: { toHour: number }) => rows.filter((r) => r.hour < toHour) } as unknown as StoreReader;
    const site = { id: 'JED', kind: 'land' as const };
    const at = (i: number) => new Date((HOUR + i) * 3_600_000 + 60_000);

    let bias = (await siteModel(store, site, at(40), 30)).bias;
    let refits = 0;
    for (let i = 41; i < 41 + WAIT_BIAS_REFIT_HOURS; i++) {
      rows = [...rows, raw(i - 1, 1000)];
      const next = (await siteModel(store, site, at(i), 30)).bias;
      if (next !== bias) refits++;
      bias = next;
    }
    expect(refits).toBe(1);
    // A past taken in behind the hub (a demo's): twice the hours refit it in the next hour.
    rows = [...Array.from({ length: 80 }, (_, i) => raw(i - 80, 990)), ...rows];
    const afterPast = await siteModel(store, site, at(41 + WAIT_BIAS_REFIT_HOURS), 30);
    expect(afterPast.bias).not.toBe(bias);
  });
});

describe('the carried queue', () => {
  const params: StationParams = { counterServiceRate: 100, egateServiceRate: 150, egateEligibleShare: 0 };
  const model = { params, waitTargetMinutes: 30 };
  const hour = (i: number, arrivalsPerHour: number, countersOpen = 10) => ({
    at: new Date((HOUR + i) * 3_600_000).toISOString(),
    arrivalsPerHour,
    countersOpen,
    egatesInService: 0,
    maxCounters: 20,
  });

  it('builds a backlog from the excess and drains it at the spare capacity', () => {
    // 1200 an hour at 1000 capacity: 200 left; then 800 an hour drains 200 in the hour exactly.
    const over = poolHour({ arrivals: 1200, servers: 10, rate: 100 }, 0);
    expect(over.backlogAfter).toBe(200);
    const drained = poolHour({ arrivals: 800, servers: 10, rate: 100 }, 200);
    expect(drained.backlogAfter).toBe(0);
    // Mean backlog 100 over an hour, at 1000 an hour: 6 minutes, plus the steady wait of 800 an hour on 10 desks.
    const steady = stationWait({ arrivalsPerHour: 800, countersOpen: 10, egatesInService: 0 }, params).meanWaitMinutes;
    expect(drained.waitHours * 60).toBeCloseTo(6 + steady, 5);
  });

  it('says a slight overload leaves a short queue, where the steady state says it grows all hour', () => {
    const [h] = predictCarried([hour(0, 1050)], model, 0);
    expect(stationWait(hour(0, 1050), params).stable).toBe(false);
    expect(h!.waitMinutes).not.toBeNull();
    expect(h!.waitMinutes!).toBeLessThan(30);
    expect(h!.breach).toBe(false);
  });

  it('warns of a breach hours later when the excess adds up, and of one now when the queue already stands', () => {
    const hours = [hour(0, 1300), hour(1, 1300), hour(2, 1300)];
    // 300 more waiting each hour at 1000 an hour: mean backlogs of 150, 450, 750 — 9, 27, 45 minutes before the steady wait.
    const carried = predictCarried(hours, model, 0);
    expect(carried.map((h) => h.breach)).toEqual([false, false, true]);
    expect(carried[2]!.waitMinutes!).toBeGreaterThan(carried[1]!.waitMinutes!);
    const standing = standingBacklog(900, hour(0, 800), params);
    expect(standing).toBeGreaterThan(890);
    expect(predictCarried([hour(0, 800)], model, standing)[0]!.breach).toBe(true);
  });

  it('advises the counters that clear the queue standing, not those an empty hall would need', () => {
    // 900 waiting at 10 desks of 100 an hour, 800 more coming each hour: warned of a breach now.
    const standing = standingBacklog(900, hour(0, 800), params);
    const [now, next] = predictCarried([hour(0, 800), hour(1, 800)], model, standing);
    expect(now!.breach).toBe(true);
    // The steady state (every hour starting empty) would advise no more than the 10 open.
    expect(predictHour(hour(0, 800), model).countersAdvised).toBeLessThanOrEqual(10);
    const advised = now!.countersAdvised;
    expect(advised).toBeGreaterThan(10);
    expect(now!.advisedWithinTarget).toBe(true);
    // The fewest: with them the hour is within target, with one fewer it is not.
    const meanWait = (servers: number) => poolHour({ arrivals: 800, servers, rate: 100 }, standing).waitHours * 60;
    expect(meanWait(advised)).toBeLessThanOrEqual(30);
    expect(meanWait(advised - 1)).toBeGreaterThan(30);
    // The next hour starts from the queue the advice left, not the one ten desks would: it needs fewer.
    expect(next!.countersAdvised).toBeLessThan(advised);
    // With no queue standing the advice is the steady state's.
    expect(predictCarried([hour(0, 800)], model, 0)[0]!.countersAdvised).toBe(predictHour(hour(0, 800), model).countersAdvised);
  });

  it('where the steady state finds no desks enough (the gates overrun), searches from the desks that keep up, not from all of them', () => {
    // Half of 1000 an hour may use a gate, and 2 gates take 300: in a steady state their queue grows all hour whatever the
    // desks, so it advises all 20 and says they are not enough; carried, the gates' queue is an hour old at most here.
    const gated = { params: { ...params, egateEligibleShare: 0.5 }, waitTargetMinutes: 30 };
    const h = { ...hour(0, 1000), egatesInService: 2 };
    expect(predictHour(h, gated)).toMatchObject({ countersAdvised: 20, advisedWithinTarget: false });
    const [carried] = predictCarried([h], gated, 0);
    expect(carried!.advisedWithinTarget).toBe(true);
    expect(carried!.countersAdvised).toBeGreaterThan(5); // 500 an hour need more than 5 desks of 100 to keep up
    expect(carried!.countersAdvised).toBeLessThan(20);
  });

  it('says when even every desk cannot clear the queue within target', () => {
    const [h] = predictCarried([{ ...hour(0, 800), maxCounters: 11 }], model, standingBacklog(2000, hour(0, 800), params));
    expect(h).toMatchObject({ countersAdvised: 11, advisedWithinTarget: false, breach: true });
  });

  it('never predicts a finite wait with nobody serving people who come; a closed hour (nobody comes, nothing open) clears the queue', () => {
    expect(predictCarried([hour(0, 100, 0)], model, 0)[0]).toMatchObject({ waitMinutes: null, breach: true });
    const [, closed, reopened] = predictCarried([hour(0, 1500), hour(1, 0, 0), hour(2, 800)], model, 0);
    expect(closed).toMatchObject({ waitMinutes: 0, breach: false });
    expect(reopened!.waitMinutes!).toBeLessThan(5);
  });
});
