// Scenario maths: how stated changes move an hour, and that each hour's wait,
// breach and advice are the queueing model's.
import { describe, expect, it } from 'vitest';
import { STATION_PARAMS, stationWait } from '../../../src/hub/forecast/queueing-station.js';
import { applyChanges, runScenario, type BaselineHour } from '../../../src/hub/forecast/scenario.js';
import { adviseCounters } from '../../../src/hub/forecast/staffing.js';

const hour: BaselineHour = { at: '2026-11-29T10:00:00.000Z', arrivalsPerHour: 1000, countersOpen: 16, egatesInService: 6, maxCounters: 24 };
const model = { params: STATION_PARAMS.air, waitTargetMinutes: 30 };

describe('applying changes', () => {
  it('scales or shifts arrivals, gates and staff, never below zero', () => {
    expect(applyChanges(hour, { arrivals: { percent: 30 } }).arrivalsPerHour).toBeCloseTo(1300, 10);
    expect(applyChanges(hour, { arrivals: { count: -1500 } }).arrivalsPerHour).toBe(0);
    expect(applyChanges(hour, { egates: { percent: -50 } }).egatesInService).toBe(3);
    expect(applyChanges(hour, { egates: { percent: -25 } }).egatesInService).toBe(5); // 4.5 rounds to whole gates
    expect(applyChanges(hour, { egates: { count: -10 } }).egatesInService).toBe(0);
    expect(applyChanges(hour, {})).toEqual(hour);
  });

  it('moves the counters open and the cap together with staff', () => {
    expect(applyChanges(hour, { staff: { count: -10 } })).toMatchObject({ countersOpen: 6, maxCounters: 14 });
    expect(applyChanges(hour, { staff: { count: 4 } })).toMatchObject({ countersOpen: 20, maxCounters: 28 });
    expect(applyChanges(hour, { staff: { count: -30 } })).toMatchObject({ countersOpen: 0, maxCounters: 0 });
    expect(applyChanges({ ...hour, countersOpen: 24 }, { staff: { percent: -50 } })).toMatchObject({ countersOpen: 12, maxCounters: 12 });
  });
});

describe('running a scenario', () => {
  it('gives each hour the station model’s wait and the staffing advice', () => {
    const run = runScenario('arrivals=+30%', [hour, { ...hour, at: '2026-11-29T11:00:00.000Z', arrivalsPerHour: 400 }], { arrivals: { percent: 30 } }, model);
    const expected = [1300, 520].map((arrivalsPerHour) => ({
      wait: stationWait({ ...hour, arrivalsPerHour }, STATION_PARAMS.air),
      advice: adviseCounters({ ...hour, arrivalsPerHour, waitTargetMinutes: 30 }, STATION_PARAMS.air),
    }));
    expect(run.hours.map((h) => [h.waitMinutes === null ? null : h.waitMinutes, h.countersAdvised, h.advisedWithinTarget])).toEqual(
      expected.map((e) => [e.wait.stable ? Math.round(e.wait.meanWaitMinutes * 10) / 10 : null, e.advice.counters, e.advice.withinTarget]),
    );
    expect(run.breachHours).toBe(run.hours.filter((h) => h.breach).length);
    expect(run.maxCountersAdvised).toBe(Math.max(...expected.map((e) => e.advice.counters)));
  });

  it('marks an overrun hour as a breach with no wait figure, and the run’s worst wait as unknown', () => {
    const run = runScenario('staff=-12', [hour], { staff: { count: -12 } }, model);
    expect(run.hours[0]).toMatchObject({ stable: false, waitMinutes: null, breach: true, countersAdvised: 12, advisedWithinTarget: false });
    expect(run.worstWaitMinutes).toBeNull();
    expect(run.breachHours).toBe(1);
  });

  it('has nothing to say about an empty hall', () => {
    const run = runScenario('baseline', [{ ...hour, arrivalsPerHour: 0 }], {}, model);
    expect(run).toMatchObject({ breachHours: 0, worstWaitMinutes: 0, maxCountersAdvised: 0 });
  });
});
