// A passport-control hall as two queues: staffed counters (officers) and
// e-gates, each with its own service time. The staffing advice and the
// scenarios predict a site's wait with this; nothing here reads the store.
//
// What the model assumes, kept deliberately simple:
// - arrivals in an hour are Poisson at the hour's mean rate (flights land in
//   bursts, so real peaks wait longer than this says: a lower bound);
// - a fixed share of travellers is eligible for e-gates (citizens, GCC
//   nationals, registered residents); while at least one gate is in service
//   every eligible traveller uses the gates and everyone else the counters;
//   with no gate in service everyone goes to the counters. Splitting a Poisson
//   stream at random gives two Poisson streams, so each pool is an M/M/c queue
//   on its own (Erlang C), with exponential service times;
// - nobody switches queue, balks or gives up, and each hour is in steady state
//   (no backlog carried from the hour before);
// - the site's wait is the mean wait over all travellers (the pools' mean
//   waits weighted by who uses them) — the figure sites report as waitMinutes.
import type { SiteKind } from '../../core/model.js';
import { mmc, type MmcResult } from './queueing.js';

/** Service rates per server per hour, and who may use the gates. */
export interface StationParams {
  counterServiceRate: number;
  egateServiceRate: number;
  /** Share (0..1) of travellers eligible for e-gates. */
  egateEligibleShare: number;
}

/** One hour at a site: how many come and what serves them. */
export interface StationLoad {
  arrivalsPerHour: number;
  countersOpen: number;
  egatesInService: number;
}

export interface StationWait {
  /** False when a pool that people are sent to cannot keep up: the queue grows all hour. */
  stable: boolean;
  /** Mean wait over all travellers, minutes; Infinity when unstable. */
  meanWaitMinutes: number;
  /** The share of travellers sent to the gates this hour (0 with no gate in service). */
  egateShare: number;
  counters: MmcResult;
  egates: MmcResult;
}

// The hub's planning assumptions per kind of site, from public descriptions
// of passport control (about 90 s at a manned desk, 24 s through an e-gate; a
// car lane at a land border clears a car of about three every two minutes; a
// service-centre errand takes about six minutes; at the 992 contact centre an
// agent's call about six minutes). Estimates, not measurements: a site with
// better figures should pass its own StationParams. The contact centre reports
// no gates: the share of its inquiries the AI voice agent answers is learnt
// from its own reports and taken out of its arrivals before they come here
// (contact-ai-share.ts), so its gate figures must send nobody anywhere.
export const STATION_PARAMS: Readonly<Record<SiteKind, StationParams>> = {
  air: { counterServiceRate: 40, egateServiceRate: 150, egateEligibleShare: 0.45 },
  land: { counterServiceRate: 90, egateServiceRate: 150, egateEligibleShare: 0 },
  sea: { counterServiceRate: 40, egateServiceRate: 150, egateEligibleShare: 0 },
  'service-centre': { counterServiceRate: 10, egateServiceRate: 12, egateEligibleShare: 0.25 },
  'contact-centre': { counterServiceRate: 10, egateServiceRate: 15, egateEligibleShare: 0 },
};

export function stationWait(load: StationLoad, params: StationParams): StationWait {
  const split = splitStation(load, params);
  return combinePools(split.egateShare, mmc({ servers: load.countersOpen, arrivalRate: split.counterArrivals, serviceRate: params.counterServiceRate }), split.egates);
}

/** Who goes where, and the gates' queue (which no number of counters changes). */
export function splitStation(load: Omit<StationLoad, 'countersOpen'>, params: StationParams): { egateShare: number; counterArrivals: number; egates: MmcResult } {
  const egateShare = load.egatesInService > 0 ? params.egateEligibleShare : 0;
  const egates = mmc({ servers: load.egatesInService, arrivalRate: load.arrivalsPerHour * egateShare, serviceRate: params.egateServiceRate });
  return { egateShare, counterArrivals: load.arrivalsPerHour * (1 - egateShare), egates };
}

/** The hall's wait from its two queues: each pool's mean wait weighted by the share sent to it. */
export function combinePools(egateShare: number, counters: MmcResult, egates: MmcResult): StationWait {
  const stable = counters.stable && egates.stable;
  // Weighted only where people go: a pool nobody is sent to adds nothing (and 0 × Infinity would be NaN).
  const weighted = (share: number, pool: MmcResult): number => (share > 0 ? share * pool.meanWait : 0);
  const meanWaitHours = stable ? weighted(1 - egateShare, counters) + weighted(egateShare, egates) : Infinity;
  return { stable, meanWaitMinutes: meanWaitHours * 60, egateShare, counters, egates };
}
