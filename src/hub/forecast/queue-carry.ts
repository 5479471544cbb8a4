// The hours ahead as one queue that carries over. The steady-state model
// (queueing-station.ts) starts every hour empty, so an hour whose arrivals
// outrun the desks even slightly is "a queue that grows all hour", and one
// just under them never inherits the queue already standing. A hall is not
// like that: an hour at 105 % leaves a few minutes' queue behind it, and a
// queue of two hundred takes its time to clear. So each pool's excess over
// what its servers can serve is carried from hour to hour as a backlog — the
// fluid approximation of a time-varying queue (G. F. Newell, Applications of
// Queueing Theory, 2nd ed., 1982, ch. 2) — and the hour's wait is its mean
// backlog over the servers' rate plus the Erlang C wait of the traffic they
// do serve (at most STEADY_LOAD_CAP of their capacity, where Erlang C is
// still meaningful). The queue it starts from is the one the site reports
// now, less what the steady state would hold. An hour with nobody coming and
// nothing open is a site closed (a service centre after hours): whoever
// waited was served before the doors shut. Pure.
import type { ScenarioHour } from '../../core/model.js';
import { mmc } from './queueing.js';
import type { StationParams } from './queueing-station.js';
import { predictHour, round1, type BaselineHour, type ScenarioModel } from './scenario.js';

/** The busiest a pool's served traffic is taken to be for its steady-state wait. */
export const STEADY_LOAD_CAP = 0.95;

interface Pool {
  arrivals: number;
  servers: number;
  rate: number;
}

interface PoolHour {
  waitHours: number;
  backlogAfter: number;
}

/** One hour of one pool, from the backlog it starts with. */
export function poolHour(pool: Pool, backlog: number): PoolHour {
  const capacity = pool.servers * pool.rate;
  if (capacity <= 0) return { waitHours: pool.arrivals + backlog > 0 ? Infinity : 0, backlogAfter: backlog + pool.arrivals };
  const net = pool.arrivals - capacity;
  const after = Math.max(0, backlog + net);
  // The backlog's mean over the hour: linear while it lasts, gone once drained.
  const drainHours = net < 0 ? backlog / -net : Infinity;
  const meanBacklog = drainHours >= 1 ? (backlog + after) / 2 : (backlog * drainHours) / 2;
  const served = Math.min(pool.arrivals, STEADY_LOAD_CAP * capacity);
  const steady = mmc({ servers: pool.servers, arrivalRate: served, serviceRate: pool.rate }).meanWait;
  return { waitHours: meanBacklog / capacity + steady, backlogAfter: after };
}

function pools(hour: Pick<BaselineHour, 'arrivalsPerHour' | 'countersOpen' | 'egatesInService'>, params: StationParams) {
  const share = hour.egatesInService > 0 ? params.egateEligibleShare : 0;
  return {
    share,
    counters: { arrivals: hour.arrivalsPerHour * (1 - share), servers: hour.countersOpen, rate: params.counterServiceRate },
    egates: { arrivals: hour.arrivalsPerHour * share, servers: hour.egatesInService, rate: params.egateServiceRate },
  };
}

/** The backlog behind a reported queue: what it holds beyond the steady state of the hour (all of it at the counters, where queues stand). */
export function standingBacklog(queueLength: number, hour: Pick<BaselineHour, 'arrivalsPerHour' | 'countersOpen' | 'egatesInService'>, params: StationParams): number {
  const { counters, egates } = pools(hour, params);
  const steadyQueue = (p: Pool) => {
    const served = Math.min(p.arrivals, STEADY_LOAD_CAP * p.servers * p.rate);
    return p.servers > 0 ? served * mmc({ servers: p.servers, arrivalRate: served, serviceRate: p.rate }).meanWait : 0;
  };
  return Math.max(0, queueLength - steadyQueue(counters) - steadyQueue(egates));
}

/** The fewest servers whose capacity exceeds the pool's arrivals (none when nobody comes), as staffing.ts starts its search. */
const keepingUp = (pool: Pool) => (pool.arrivals === 0 ? 0 : Math.floor(pool.arrivals / pool.rate) + 1);

interface CarriedAdvice {
  counters: number;
  withinTarget: boolean;
  /** The counters' backlog the hour leaves with that many open. */
  backlogAfter: number;
}

/**
 * The fewest counters, from `from` (where predictCarried starts the search)
 * up to the hour's cap, that keep the hour's wait within target when it starts
 * with `backlog` at the counters — the queue the advised hours before it left,
 * not the one the counters open now would. Without it a site with a queue
 * standing was told to keep (or close) counters while warned of a breach: the
 * steady state starts every hour empty.
 */
function adviseCarried(counters: Pool, backlog: number, wait: (counterWaitHours: number) => number, cap: number, from: number, model: ScenarioModel): CarriedAdvice {
  for (let servers = from; servers <= cap; servers++) {
    const c = poolHour({ ...counters, servers }, backlog);
    if (wait(c.waitHours) <= model.waitTargetMinutes) return { counters: servers, withinTarget: true, backlogAfter: c.backlogAfter };
  }
  return { counters: cap, withinTarget: false, backlogAfter: poolHour({ ...counters, servers: cap }, backlog).backlogAfter };
}

/**
 * Every hour's prediction (predictHour), its wait and breach taken from the
 * carried queue, and the counters advised for it from the queue the advice
 * itself would leave (adviseCarried).
 */
export function predictCarried(hours: readonly BaselineHour[], model: ScenarioModel, startBacklog: number): ScenarioHour[] {
  let counterBacklog = startBacklog;
  let advisedBacklog = startBacklog;
  let egateBacklog = 0;
  return hours.map((h) => {
    const steady = predictHour(h, model);
    if (h.countersOpen === 0 && h.egatesInService === 0 && h.arrivalsPerHour === 0) {
      counterBacklog = advisedBacklog = egateBacklog = 0;
      return { ...steady, stable: true, waitMinutes: 0, breach: false };
    }
    const { share, counters, egates } = pools(h, model.params);
    const c = poolHour(counters, counterBacklog);
    const g = share > 0 ? poolHour(egates, egateBacklog) : { waitHours: 0, backlogAfter: 0 };
    // The travellers' mean wait, the counters' share at the counters' wait and the gates' at theirs (in minutes).
    const meanWait = (counterWaitHours: number) => ((1 - share) * counterWaitHours + share * g.waitHours) * 60;
    // The steady state's advice is the least searched from, where it found one within target; where it found none
    // (the gates overrun, say, which no desk clears in a steady state), the fewest desks that keep up with their own traffic.
    const from = steady.advisedWithinTarget ? steady.countersAdvised : Math.min(h.maxCounters, keepingUp(counters));
    const advice = adviseCarried(counters, advisedBacklog, meanWait, h.maxCounters, from, model);
    counterBacklog = c.backlogAfter;
    advisedBacklog = advice.backlogAfter;
    egateBacklog = g.backlogAfter;
    const waitMinutes = meanWait(c.waitHours);
    return {
      ...steady,
      waitMinutes: Number.isFinite(waitMinutes) ? round1(waitMinutes) : null,
      breach: !(waitMinutes <= model.waitTargetMinutes),
      countersAdvised: advice.counters,
      advisedWithinTarget: advice.withinTarget,
    };
  });
}
