// Queues at passport control. Each lane (self-service, staffed) is a fluid
// backlog that grows when arrivals outrun capacity, plus the steady-state wait
// of an M/M/c queue at the current load (Sakasegawa's approximation), so the
// wait responds to every gate or counter lost, not only once a lane overflows.
import type { SiteKind } from '../core/model.js';
import { COUNTER_SERVICE_RATE, EGATE_SERVICE_RATE, KIOSK_SERVICE_RATE, SELF_SERVICE_SHARE, VOICE_AGENT_CALLS_PER_HOUR } from './lanes.js';
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

/** The steady-state wait of an M/M/c queue at this rate (hours), the load capped at MAX_STEADY_LOAD. */
export function steadyStateWaitHours(arrivalRate: number, servers: number, ratePerServer: number): number {
  if (servers <= 0 || ratePerServer <= 0) return Infinity;
  const load = Math.min(arrivalRate / (servers * ratePerServer), MAX_STEADY_LOAD);
  // Sakasegawa (1977): Wq ≈ ρ^(√(2(c+1)) − 1) / (c (1 − ρ)) × service time.
  return load > 0 ? load ** (Math.sqrt(2 * (servers + 1)) - 1) / (servers * (1 - load)) / ratePerServer : 0;
}

export function advanceLane({ arrivals, arrivalRate, servers, ratePerServer, backlog, dtHours }: LaneInput): LaneResult {
  const capacityPerHour = servers * ratePerServer;
  const left = Math.max(0, backlog + arrivals - capacityPerHour * dtHours);
  if (capacityPerHour <= 0) {
    return { backlog: left, processed: 0, queueLength: Math.round(left), waitMinutes: left > 0 ? MAX_WAIT_MINUTES : 0 };
  }
  const steadyWaitHours = steadyStateWaitHours(arrivalRate, servers, ratePerServer);
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
// The 992 line is answered around the clock in shifts, like a port.
const ON_DUTY_SHARE: Record<SiteKind, number> = { air: 0.22, land: 0.22, sea: 0.22, 'service-centre': 0.8, 'contact-centre': 0.22 };
const DESK_SHARE = 0.75;
// The roster opens counters for the planned flow (the hour's timetable: a
// directorate staffs each site for its ordinary demand) with headroom, as a
// real roster does: at most PLANNING_LOAD busy, and enough desks that the
// planned flow alone waits no more than PLANNING_WAIT_MINUTES — a third of the
// 30-minute target, so that ordinary ups and downs stay inside it. (It was once
// drawn at 95 % busy: the steady-state wait alone of a three-desk service
// centre at that load is over half an hour, so ordinary hours breached on
// noise — nothing a roster would accept, nor a forecaster could foresee.) When
// a queue of more than SURGE_AFTER_MINUTES builds anyway, the supervisor pulls
// officers from secondary checks and breaks: up to a quarter more counters.
// A contact centre plans for a lower load: callers hang up where travellers
// would wait (contact-centre.ts), so the line is staffed to answer most calls
// at once.
const PLANNING_LOAD = 0.85;
const CONTACT_CENTRE_PLANNING_LOAD = 0.7;
const PLANNING_WAIT_MINUTES = 10;
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
  /** Of those bound for the staffed lane, the share who give up before joining it (callers who hang up; 0 by default). */
  abandonShare?: number;
}

export interface SiteFlow {
  queues: SiteQueues;
  /** People served during dtHours, both lanes. */
  processed: number;
  /** Of them, those the self-service lane served (gates, kiosks, the AI voice agent). */
  selfProcessed: number;
  /** The wait at the staffed lane alone. */
  staffedWaitMinutes: number;
  /** Those who gave up before the staffed lane (abandonShare of its arrivals). */
  abandoned: number;
  countersOpen: number;
  queueLength: number;
  waitMinutes: number;
}

const CLOSED: SiteFlow = {
  queues: { selfBacklog: 0, staffedBacklog: 0 },
  processed: 0,
  selfProcessed: 0,
  staffedWaitMinutes: 0,
  abandoned: 0,
  countersOpen: 0,
  queueLength: 0,
  waitMinutes: 0,
};

/** The self-service lane of each kind of site: how many serve in it now, and how fast each one does. */
function selfLane(kind: SiteKind, capacity: SiteCapacity): { servers: number; rate: number } {
  switch (kind) {
    case 'air':
      return { servers: capacity.egatesInService, rate: EGATE_SERVICE_RATE };
    case 'service-centre':
      return { servers: capacity.kiosksInService, rate: KIOSK_SERVICE_RATE };
    case 'contact-centre':
      return { servers: capacity.voiceAgentChannels, rate: VOICE_AGENT_CALLS_PER_HOUR };
    case 'land':
    case 'sea':
      return { servers: 0, rate: KIOSK_SERVICE_RATE };
  }
}

/**
 * Splits arrivals between the self-service and staffed lanes (everyone goes
 * to the desks when no gate or kiosk is working), opens counters as demand
 * and staff allow, and advances both lanes.
 */
export function siteFlow(input: SiteFlowInput): SiteFlow {
  // A service centre serves whoever is inside at closing; nobody waits overnight.
  if (!input.open) return CLOSED;
  const { kind, capacity, dtHours, queues } = input;
  const { servers: selfServers, rate: selfRate } = selfLane(kind, capacity);
  const selfShare = selfServers > 0 ? SELF_SERVICE_SHARE[kind] : 0;
  const selfArrivals = input.arrivals * selfShare;
  // Travellers stranded in a self-service lane that stopped move to the desks.
  const movedBacklog = selfServers > 0 ? 0 : queues.selfBacklog;
  const abandonShare = input.abandonShare ?? 0;
  const abandoned = (input.arrivals - selfArrivals) * abandonShare;
  const staffedArrivals = input.arrivals - selfArrivals - abandoned;
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
  const staffedRate = input.arrivalRate * (1 - selfShare) * (1 - abandonShare);
  const staffed = advanceLane({ arrivals: staffedArrivals, arrivalRate: staffedRate, servers: countersOpen, ratePerServer: counterRate, backlog: staffedBacklog, dtHours });
  // The wait a traveller can expect: the lanes' waits weighted by who uses them.
  const waitMinutes =
    input.arrivalRate > 0 ? self.waitMinutes * selfShare + staffed.waitMinutes * (1 - selfShare) : Math.max(self.waitMinutes, staffed.waitMinutes);
  return {
    queues: { selfBacklog: self.backlog, staffedBacklog: staffed.backlog },
    processed: self.processed + staffed.processed,
    selfProcessed: self.processed,
    staffedWaitMinutes: staffed.waitMinutes,
    abandoned,
    countersOpen,
    queueLength: self.queueLength + staffed.queueLength,
    waitMinutes,
  };
}

/** Counters the roster plans for this hour, plus the surge when a queue has built up. */
function countersWanted(input: SiteFlowInput, staffedBacklog: number): number {
  const planned = plannedCounters(input.kind, input.plannedRate * (1 - SELF_SERVICE_SHARE[input.kind]));
  const backlogMinutes = (staffedBacklog / (planned * COUNTER_SERVICE_RATE[input.kind])) * 60;
  return backlogMinutes > SURGE_AFTER_MINUTES ? planned + Math.ceil(planned * SURGE_SHARE) : planned;
}

/** The fewest desks that serve the planned staffed flow at no more than the planning load and within the planning wait. */
export function plannedCounters(kind: SiteKind, staffedRate: number): number {
  const rate = COUNTER_SERVICE_RATE[kind];
  const load = kind === 'contact-centre' ? CONTACT_CENTRE_PLANNING_LOAD : PLANNING_LOAD;
  let counters = Math.max(1, Math.ceil(staffedRate / (rate * load)));
  while (steadyStateWaitHours(staffedRate, counters, rate) * 60 > PLANNING_WAIT_MINUTES) counters++;
  return counters;
}
