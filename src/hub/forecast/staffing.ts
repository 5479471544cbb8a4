// Staffing advice: the fewest counters to open in an hour so that the site's
// predicted wait stays within its target. The wait judged is the MEAN wait
// over all travellers (queueing-station.ts), because that is what a site's
// wait target means here (WAIT_TARGET_MINUTES: sites report a mean wait and
// playbooks compare it). E-gates are taken as they are: the advice is about
// the officers a supervisor can move, not the gates.
import { stationWait, type StationLoad, type StationParams, type StationWait } from './queueing-station.js';

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
 * The wait falls as counters open, so a binary search between the fewest
 * counters that keep up with their traffic and the cap finds the answer in
 * O(c log c), which matters for a contact centre with hundreds of agents.
 */
export function adviseCounters(input: StaffingInput, params: StationParams): StaffingAdvice {
  const { maxCounters, waitTargetMinutes } = input;
  if (!Number.isInteger(maxCounters) || maxCounters < 0) throw new RangeError(`the cap must be a whole number ≥ 0, not ${maxCounters}`);
  const at = (countersOpen: number): StationWait => stationWait({ ...load(input), countersOpen }, params);
  const within = (w: StationWait): boolean => w.meanWaitMinutes <= waitTargetMinutes;

  const atCap = at(maxCounters);
  if (!within(atCap)) return { counters: maxCounters, withinTarget: false, wait: atCap };
  // Below this the counters' own queue is unstable; with nobody sent to them it is 0.
  const counterLoad = atCap.counters.offeredLoad;
  let lo = counterLoad === 0 ? 0 : Math.min(maxCounters, Math.floor(counterLoad) + 1);
  let hi = maxCounters; // within target
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (within(at(mid))) hi = mid;
    else lo = mid + 1;
  }
  return { counters: hi, withinTarget: true, wait: hi === maxCounters ? atCap : at(hi) };
}

const load = (input: StaffingInput): Omit<StationLoad, 'countersOpen'> => ({ arrivalsPerHour: input.arrivalsPerHour, egatesInService: input.egatesInService });
