// Queues at passport control. Each lane (self-service, staffed) is a fluid
// backlog that grows when arrivals outrun capacity, plus the steady-state wait
// of an M/M/c queue at the current load (Sakasegawa's approximation), so the
// wait responds to every gate or counter lost, not only once a lane overflows.
import type { SiteKind } from '../core/model.js';
import { COUNTER_SERVICE_RATE, EGATE_SERVICE_RATE, KIOSK_SERVICE_RATE, SELF_SERVICE_SHARE } from './lanes.js';
import type { SiteCapacity } from './impact.js';

// Above this load the steady-state formula explodes; the backlog takes over.
const MAX_STEADY_LOAD = 0.95;
// What the display shows when nobody is serving a lane with people in it.
export const MAX_WAIT_MINUTES = 600;

export interface LaneResult {
  backlog: number;
  /** People served during dtHours. */
  processed: number;
  queueLength: number;
  waitMinutes: number;
}

export interface LaneInput {
  /** People who came during dtHours (drawn, so it varies tick to tick). */
  arrivals: number;
  /** The expected arrival rate per hour: sets the steady-state load, which should not flicker with the draw. */
  arrivalRate: number;
  servers: number;
  ratePerServer: number;
  /** People still waiting from before. */
  backlog: number;
  dtHours: number;
}

export function advanceLane({ arrivals, arrivalRate, servers, ratePerServer, backlog, dtHours }: LaneInput): LaneResult {
  const capacityPerHour = servers * ratePerServer;
  const left = Math.max(0, backlog + arrivals - capacityPerHour * dtHours);
  if (capacityPerHour <= 0) {
    return { backlog: left, processed: 0, queueLength: Math.round(left), waitMinutes: left > 0 ? MAX_WAIT_MINUTES : 0 };
  }
  const load = Math.min(arrivalRate / capacityPerHour, MAX_STEADY_LOAD);
  // Sakasegawa (1977): Wq ≈ ρ^(√(2(c+1)) − 1) / (c (1 − ρ)) × service time.
  const steadyWaitHours = load > 0 ? load ** (Math.sqrt(2 * (servers + 1)) - 1) / (servers * (1 - load)) / ratePerServer : 0;
  const waitHours = left / capacityPerHour + steadyWaitHours;
  return {
    backlog: left,
    processed: backlog + arrivals - left,
    queueLength: Math.round(left + arrivalRate * steadyWaitHours),
    waitMinutes: Math.min(MAX_WAIT_MINUTES, waitHours * 60),
  };
}

// Staff on duty: a port works four shifts around the clock (with leave and
// training, about 22 % of its officers are on at any moment); a service
// centre has most of its people in while open. Of those on duty about three
// in four can sit at a desk; the rest supervise, escort and do secondary checks.
const ON_DUTY_SHARE: Record<SiteKind, number> = { air: 0.22, land: 0.22, sea: 0.22, 'service-centre': 0.8 };
const DESK_SHARE = 0.75;
// The roster opens counters for the planned flow at a high load (desks are
// expensive; a queue at the bank peaks is accepted). When a queue of more than
// SURGE_AFTER_MINUTES builds, the supervisor pulls officers from secondary
// checks and breaks: up to a quarter more counters.
const PLANNING_LOAD = 0.95;
const SURGE_AFTER_MINUTES = 10;
const SURGE_SHARE = 0.25;

/** How many counters a site can staff: `reinforcement` > 1 when officers are seconded for a season. */
export function deskCap(kind: SiteKind, staff: number, reinforcement = 1): number {
  return Math.floor(staff * ON_DUTY_SHARE[kind] * reinforcement * DESK_SHARE);
}

/** Officers on duty at a site now: nobody while a service centre is closed. */
export function officersOnDuty(kind: SiteKind, staff: number, open: boolean, reinforcement = 1): number {
  return open ? Math.floor(staff * ON_DUTY_SHARE[kind] * reinforcement) : 0;
}

export interface SiteQueues {
  selfBacklog: number;
  staffedBacklog: number;
}

export interface SiteFlowInput {
  kind: SiteKind;
  open: boolean;
  arrivals: number; // people who came during dtHours
  arrivalRate: number; // expected per hour
  plannedRate: number; // per hour, what the roster was drawn up for
  dtHours: number;
  capacity: SiteCapacity;
  desks: number; // from deskCap
  queues: SiteQueues;
}

export interface SiteFlow {
  queues: SiteQueues;
  /** People served during dtHours, both lanes. */
  processed: number;
  countersOpen: number;
  queueLength: number;
  waitMinutes: number;
}

const CLOSED: SiteFlow = { queues: { selfBacklog: 0, staffedBacklog: 0 }, processed: 0, countersOpen: 0, queueLength: 0, waitMinutes: 0 };

/**
 * Splits arrivals between the self-service and staffed lanes (everyone goes
 * to the desks when no gate or kiosk is working), opens counters as demand
 * and staff allow, and advances both lanes.
 */
export function siteFlow(input: SiteFlowInput): SiteFlow {
  // A service centre serves whoever is inside at closing; nobody waits overnight.
  if (!input.open) return CLOSED;
  const { kind, capacity, dtHours, queues } = input;
  const selfServers = kind === 'air' ? capacity.egatesInService : kind === 'service-centre' ? capacity.kiosksInService : 0;
  const selfRate = kind === 'air' ? EGATE_SERVICE_RATE : KIOSK_SERVICE_RATE;
  const selfShare = selfServers > 0 ? SELF_SERVICE_SHARE[kind] : 0;
  const selfArrivals = input.arrivals * selfShare;
  // Travellers stranded in a self-service lane that stopped move to the desks.
  const movedBacklog = selfServers > 0 ? 0 : queues.selfBacklog;
  const staffedArrivals = input.arrivals - selfArrivals;
  const counterRate = COUNTER_SERVICE_RATE[kind] * capacity.counterSpeed;

  const staffedBacklog = queues.staffedBacklog + movedBacklog;
  const countersOpen = Math.min(countersWanted(input, staffedBacklog), capacity.countersWorking, input.desks);

  const self = advanceLane({
    arrivals: selfArrivals,
    arrivalRate: input.arrivalRate * selfShare,
    servers: selfServers,
    ratePerServer: selfRate,
    backlog: selfServers > 0 ? queues.selfBacklog : 0,
    dtHours,
  });
  const staffedRate = input.arrivalRate * (1 - selfShare);
  const staffed = advanceLane({ arrivals: staffedArrivals, arrivalRate: staffedRate, servers: countersOpen, ratePerServer: counterRate, backlog: staffedBacklog, dtHours });
  // The wait a traveller can expect: the lanes' waits weighted by who uses them.
  const waitMinutes =
    input.arrivalRate > 0 ? self.waitMinutes * selfShare + staffed.waitMinutes * (1 - selfShare) : Math.max(self.waitMinutes, staffed.waitMinutes);
  return {
    queues: { selfBacklog: self.backlog, staffedBacklog: staffed.backlog },
    processed: self.processed + staffed.processed,
    countersOpen,
    queueLength: self.queueLength + staffed.queueLength,
    waitMinutes,
  };
}

/** Counters the roster plans for this hour, plus the surge when a queue has built up. */
function countersWanted(input: SiteFlowInput, staffedBacklog: number): number {
  const rate = COUNTER_SERVICE_RATE[input.kind];
  const planned = Math.max(1, Math.ceil((input.plannedRate * (1 - SELF_SERVICE_SHARE[input.kind])) / (rate * PLANNING_LOAD)));
  const backlogMinutes = (staffedBacklog / (planned * rate)) * 60;
  return backlogMinutes > SURGE_AFTER_MINUTES ? planned + Math.ceil(planned * SURGE_SHARE) : planned;
}
