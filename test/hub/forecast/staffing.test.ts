// The staffing advice: the fewest counters keeping the mean wait within the
// target, checked against a worked example, against a search one counter at a
// time, and at the cap.
import { describe, expect, it } from 'vitest';
import { WAIT_TARGET_MINUTES } from '../../../src/core/vocabulary.js';
import { STATION_PARAMS, stationWait, type StationParams } from '../../../src/hub/forecast/queueing-station.js';
import { adviseCounters } from '../../../src/hub/forecast/staffing.js';

const countersOnly = (secondsPerService: number): StationParams => ({ counterServiceRate: 3600 / secondsPerService, egateServiceRate: 1, egateEligibleShare: 0 });

describe('staffing advice', () => {
  // The Call Centre Helper example (see queueing.test.ts): 200 calls an hour, 180 s each, A = 10 erlangs.
  // With an average-speed-of-answer goal of 20 s: N = 12 gives 0.4494 · 180 / 2 = 40.4 s,
  // N = 13 gives 0.2853 · 180 / 3 = 17.1 s (Pw by the factorial formula), so 13 agents.
  it('opens the fewest servers whose mean wait meets the target (worked example: 13 agents for an ASA of 20 s)', () => {
    const advice = adviseCounters({ arrivalsPerHour: 200, egatesInService: 0, maxCounters: 40, waitTargetMinutes: 20 / 60 }, countersOnly(180));
    expect(advice.counters).toBe(13);
    expect(advice.withinTarget).toBe(true);
    expect(advice.wait.meanWaitMinutes * 60).toBeCloseTo(17.12, 1);
  });

  it('agrees with opening counters one at a time, for airports with and without gates', () => {
    for (const arrivalsPerHour of [0, 40, 300, 1200, 2500])
      for (const egatesInService of [0, 6, 12]) {
        const input = { arrivalsPerHour, egatesInService, maxCounters: 80, waitTargetMinutes: WAIT_TARGET_MINUTES };
        const advice = adviseCounters(input, STATION_PARAMS.air);
        let fewest = 0;
        while (stationWait({ arrivalsPerHour, egatesInService, countersOpen: fewest }, STATION_PARAMS.air).meanWaitMinutes > WAIT_TARGET_MINUTES && fewest < 80) fewest++;
        const reachable = stationWait({ arrivalsPerHour, egatesInService, countersOpen: fewest }, STATION_PARAMS.air).meanWaitMinutes <= WAIT_TARGET_MINUTES;
        expect({ arrivalsPerHour, egatesInService, counters: advice.counters, within: advice.withinTarget }).toEqual({
          arrivalsPerHour,
          egatesInService,
          counters: fewest,
          within: reachable,
        });
      }
  });

  it('never advises more than the site has, and says when that is not enough', () => {
    const advice = adviseCounters({ arrivalsPerHour: 2000, egatesInService: 0, maxCounters: 30, waitTargetMinutes: 30 }, STATION_PARAMS.air);
    expect(advice.counters).toBe(30);
    expect(advice.withinTarget).toBe(false);
    expect(advice.wait.stable).toBe(false);
  });

  it('cannot help with overloaded gates by opening counters: the cap, not within target', () => {
    // 1000 an hour, 45 % eligible = 450 for one gate serving 150: the gates' queue grows whatever the counters do.
    const advice = adviseCounters({ arrivalsPerHour: 1000, egatesInService: 1, maxCounters: 50, waitTargetMinutes: 30 }, STATION_PARAMS.air);
    expect(advice).toMatchObject({ counters: 50, withinTarget: false });
  });

  it('advises no counter when nobody comes, and keeps one open for a trickle', () => {
    expect(adviseCounters({ arrivalsPerHour: 0, egatesInService: 0, maxCounters: 10, waitTargetMinutes: 30 }, STATION_PARAMS.land).counters).toBe(0);
    expect(adviseCounters({ arrivalsPerHour: 5, egatesInService: 0, maxCounters: 10, waitTargetMinutes: 30 }, STATION_PARAMS.land).counters).toBe(1);
  });
});
