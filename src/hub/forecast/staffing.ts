// Staffing advice: the fewest counters to open in an hour so that the site's
// predicted wait stays within its target. The wait judged is the MEAN wait
// over all travellers (queueing-station.ts), because that is what a site's
// wait target means here (WAIT_TARGET_MINUTES: sites report a mean wait and
// playbooks compare it). E-gates are taken as they are: the advice is about
// the officers a supervisor can move, not the gates.
import { erlangBTable, mmcFromErlangB } from './queueing.js';
import { combinePools, splitStation, type StationParams, type StationWait } from './queueing-station.js';

export interface StaffingInput {
  arrivalsPerHour: number;
  egatesInService: number;
  /** Counters the site can open (desks that work and officers to sit at them): the advice never exceeds it. */
  maxCounters: number;
  waitTargetMinutes: number;
}

export interface StaffingAdvice {
  /** The fewest counters that keep the mean wait within target; the cap when even that is not enough. */
  counters: number;
  /** False when the cap cannot keep the wait within target (advice: open them all, and find more). */
  withinTarget: boolean;
  /** The predicted wait with `counters` open. */
  wait: StationWait;
}

/**
 * Counters are tried from the fewest that keep up with their traffic upward;
 * Erlang B for all of them comes from one pass of its recursion, so the whole
 * search costs O(cap) — it runs for every hour of every site.
 */
export function adviseCounters(input: StaffingInput, params: StationParams): StaffingAdvice {
  const { maxCounters, waitTargetMinutes } = input;
  if (!Number.isInteger(maxCounters) || maxCounters < 0) throw new RangeError(`the cap must be a whole number ≥ 0, not ${maxCounters}`);
  const split = splitStation(input, params);
  const counters = { arrivalRate: split.counterArrivals, serviceRate: params.counterServiceRate };
  const erlangB = erlangBTable(maxCounters, split.counterArrivals / params.counterServiceRate);
  const at = (servers: number): StationWait => combinePools(split.egateShare, mmcFromErlangB({ ...counters, servers }, erlangB[servers]!), split.egates);
  // All of them first: when even that is not enough (the gates overrun, too few desks) there is nothing to search.
  const atCap = at(maxCounters);
  if (!(atCap.meanWaitMinutes <= waitTargetMinutes)) return { counters: maxCounters, withinTarget: false, wait: atCap };
  // Below this the counters' own queue is unstable; with nobody sent to them it is 0.
  const offered = split.counterArrivals / params.counterServiceRate;
  for (let servers = offered === 0 ? 0 : Math.floor(offered) + 1; servers < maxCounters; servers++) {
    const wait = at(servers);
    if (wait.meanWaitMinutes <= waitTargetMinutes) return { counters: servers, withinTarget: true, wait };
  }
  return { counters: maxCounters, withinTarget: true, wait: atCap };
}
