// One step of the simulated world, as a pure function of the state, the
// simulated time and a random stream: faults clear and start, alerts fall
// due, travellers arrive and queue. The timer loop (simulator.ts) only calls
// this and posts what comes out.
import type { ContactCentreTelemetry, SiteTelemetry } from '../core/model.js';
import { alertOf, queueAlertOf, type AlertmanagerAlert } from './alerts.js';
import { arrivalGroupSize, expectedArrivalsPerHour, GROUP_CLEAR_HOURS, isOpen, seasonFactor } from './arrivals.js';
import { riyadhTime } from './calendar.js';
import { abandonShare, callOutcomes, queueAlertStep, smoothContactRates, type QueueAlertState } from './contact-centre.js';
import { NO_WORLD_CHANGES, type WorldChanges } from './fault-link.js';
import { drawFaultsInProgress, drawNewFaults, injectedFault, type Fault } from './faults.js';
import type { DemoFleet } from './fleet.js';
import { siteCapacity } from './impact.js';
import { SELF_SERVICE_SHARE } from './lanes.js';
import { deskCap, officersOnDuty, siteFlow, type SiteFlow, type SiteQueues } from './queues.js';
import { poisson, type Rng } from './rng.js';
import { surgeArrivalsPerHour } from './surges.js';
import { buildWorld, type SimWorld, type SiteModel } from './world.js';

// Alertmanager re-sends a firing alert after its route's repeat_interval; the
// demo route uses one hour (of simulated time).
export const REPEAT_INTERVAL_MS = 3_600_000;
// The arrivals rate a site reports is smoothed over about half an
// hour, as a counter-based rate would be.
const RATE_WINDOW_SECONDS = 1800;

export interface SiteState extends SiteQueues {
  /** Smoothed arrivals per hour, as reported. */
  arrivalsRate: number;
  /** Flights or ferries due by the timetable and not yet in (a fraction of the next one). */
  groupsDue?: number;
  /** A contact centre's smoothed outcome rates, as reported. */
  contact?: ContactCentreTelemetry;
  /** A contact centre's wait for a person at the last step: callers hang up by it. */
  waitForAPersonMinutes?: number;
  /** A contact centre's queue alert while it fires. */
  queueAlert?: QueueAlertState;
}

export interface SimState {
  world: SimWorld;
  sites: Readonly<Record<string, SiteState>>;
  /** Open faults, in the order they started. */
  faults: readonly Fault[];
  nextFaultSeq: number;
  /** Draws the unannounced surges (surges.ts); none without it. */
  surgeSeed?: number;
}

export interface StepResult {
  state: SimState;
  telemetry: SiteTelemetry[];
  /** New and repeated firing alerts, and resolved ones, in that order of events. */
  alerts: AlertmanagerAlert[];
  /** Faults this step drew. */
  started: Fault[];
  /** Faults this step's repair times cleared (not those the world's changes cleared). */
  cleared: Fault[];
}

export interface InitialStateOptions {
  /** Start with the faults a fleet would have open on an ordinary day (default true). */
  faultsInProgress?: boolean;
  /** Unannounced surges drawn from this seed (surges.ts); none when absent. */
  surgeSeed?: number;
}

export function initialState(fleet: DemoFleet, simTime: Date, rng: Rng, options: InitialStateOptions = {}): SimState {
  const world = buildWorld(fleet);
  const now = simTime.getTime();
  const sites = Object.fromEntries(
    world.sites.map((m) => {
      const arrivalsRate = expectedArrivalsPerHour(m.site, simTime, m.bankPhase);
      const state: SiteState = { selfBacklog: 0, staffedBacklog: 0, arrivalsRate };
      if (m.site.kind === 'contact-centre') state.contact = usualContactRates(arrivalsRate);
      return [m.site.id, state];
    }),
  );
  const inProgress = options.faultsInProgress === false ? { faults: [], nextSeq: 1 } : drawFaultsInProgress(world, now, rng);
  return { world, sites, faults: inProgress.faults, nextFaultSeq: inProgress.nextSeq, ...(options.surgeSeed === undefined ? {} : { surgeSeed: options.surgeSeed }) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A contact centre's rates on an ordinary hour: the AI agent takes its share, people the rest, nobody hangs up. */
function usualContactRates(inquiriesPerHour: number): ContactCentreTelemetry {
  const ai = inquiriesPerHour * SELF_SERVICE_SHARE['contact-centre'];
  return { answeredByAiPerHour: ai, answeredByPeoplePerHour: inquiriesPerHour - ai, abandonedPerHour: 0 };
}

/**
 * `changes` are what happened to the devices outside the simulator since the
 * last step (remote fixes, repairs on site, injected faults): inputs, like the
 * seed, so the same inputs give the same run.
 */
export function step(state: SimState, simTime: Date, dtSeconds: number, rng: Rng, changes: WorldChanges = NO_WORLD_CHANGES): StepResult {
  const { world } = state;
  const { faults, nextFaultSeq, alerts, started, cleared } = advanceFaults(state, simTime.getTime(), dtSeconds, rng, changes);
  const faulted = new Set(faults.map((f) => f.assetId));
  const sites: Record<string, SiteState> = {};
  const telemetry = world.sites.map((model) => {
    const next = advanceSite(model, state.sites[model.site.id]!, faulted, simTime, dtSeconds, rng, state.surgeSeed);
    sites[model.site.id] = model.site.kind === 'contact-centre' ? withQueueAlert(model, state.sites[model.site.id]!.queueAlert, next, simTime.getTime(), alerts) : next.state;
    return next.telemetry;
  });
  const surgeSeed = state.surgeSeed === undefined ? {} : { surgeSeed: state.surgeSeed };
  return { state: { world, sites, faults, nextFaultSeq, ...surgeSeed }, telemetry, alerts, started, cleared };
}

/** A contact centre's queue alert fires, repeats or resolves by its callers waiting; what is due goes into `alerts`. */
function withQueueAlert(
  model: SiteModel,
  firing: QueueAlertState | undefined,
  next: { state: SiteState; telemetry: SiteTelemetry },
  now: number,
  alerts: AlertmanagerAlert[],
): SiteState {
  const { state, send } = queueAlertStep(firing, next.telemetry.queueLength, now, REPEAT_INTERVAL_MS);
  const since = state?.since ?? firing?.since;
  if (send && since !== undefined) alerts.push(queueAlertOf(model.site, since, send, now, next.telemetry.queueLength));
  return state ? { ...next.state, queueAlert: state } : next.state;
}

/** Takes in the world's changes, clears faults that are over, draws new ones, and produces the alerts that are due. */
function advanceFaults(state: SimState, now: number, dtSeconds: number, rng: Rng, changes: WorldChanges) {
  const { world } = state;
  const alerts: AlertmanagerAlert[] = [];
  const goneOutside = new Set(changes.cleared);
  // Fixed or repaired outside the simulator: over now, whatever its repair time said.
  const fixed = state.faults.filter((f) => goneOutside.has(f.id)).map((f) => ({ ...f, clearsAt: now }));
  const open = state.faults.filter((f) => !goneOutside.has(f.id));
  const faulted = new Set(open.map((f) => f.assetId));
  for (const i of changes.injected) {
    const asset = world.assetById.get(i.assetId);
    // An injection fixed before this step ever saw it never fired.
    if (!asset || goneOutside.has(i.id) || faulted.has(asset.id)) continue;
    open.push(injectedFault(asset, i.id, i.faultKind, world, faulted, now));
    faulted.add(asset.id);
  }
  const cleared = open.filter((f) => f.clearsAt <= now);
  const stillOpen = open.filter((f) => f.clearsAt > now);
  const started = drawNewFaults(world, stillOpen, now, dtSeconds, rng, state.nextFaultSeq);
  // New faults have never been notified, so they fall due at once.
  const faults = [...stillOpen, ...started.faults].map((f) => {
    if (f.lastNotifiedAt !== null && now - f.lastNotifiedAt < REPEAT_INTERVAL_MS) return f;
    alerts.push(alertOf(f, world, 'firing'));
    return { ...f, lastNotifiedAt: now };
  });
  for (const f of [...fixed, ...cleared]) alerts.push(alertOf(f, world, 'resolved'));
  return { faults, nextFaultSeq: started.nextSeq, alerts, started: started.faults, cleared };
}

function advanceSite(
  model: SiteModel,
  previous: SiteState,
  faulted: ReadonlySet<string>,
  simTime: Date,
  dtSeconds: number,
  rng: Rng,
  surgeSeed: number | undefined,
): { state: SiteState; telemetry: SiteTelemetry } {
  const { site } = model;
  const dtHours = dtSeconds / 3600;
  // The timetable (flight banks and all) is what the roster plans for; a surge comes on top, unplanned.
  const timetabled = expectedArrivalsPerHour(site, simTime, model.bankPhase);
  const groupSize = arrivalGroupSize(site);
  const expected = timetabled + (surgeSeed === undefined ? 0 : surgeArrivalsPerHour(surgeSeed, site, simTime.getTime(), timetabled, groupSize));
  const { arrivals, groupsDue } = drawArrivals(groupSize, expected * dtHours, previous.groupsDue ?? 0, rng);
  const capacity = siteCapacity(model, faulted);
  // Officers are seconded to the pilgrim gateways for the season.
  const reinforcement = Math.max(1, seasonFactor(site, simTime));
  const open = isOpen(site.kind, riyadhTime(simTime));
  const flow = siteFlow({
    kind: site.kind,
    open,
    arrivals,
    arrivalRate: expected,
    // A flight or ferry on the timetable has its desks rostered: enough to clear its load within GROUP_CLEAR_HOURS.
    plannedRate: Math.max(timetabled, groupSize > 1 ? arrivals / GROUP_CLEAR_HOURS : 0),
    dtHours,
    capacity,
    desks: deskCap(site.kind, site.staff, reinforcement),
    queues: previous,
    ...(site.kind === 'contact-centre' ? { abandonShare: abandonShare(previous.waitForAPersonMinutes ?? 0) } : {}),
  });
  const observedRate = dtHours > 0 ? arrivals / dtHours : previous.arrivalsRate;
  const smoothing = 1 - Math.exp(-dtSeconds / RATE_WINDOW_SECONDS);
  const arrivalsRate = previous.arrivalsRate + (observedRate - previous.arrivalsRate) * smoothing;
  if (site.kind === 'contact-centre') return advanceCalls(model, previous, flow, { arrivalsRate, smoothing, dtHours, simTime, open, reinforcement });
  return {
    state: { ...flow.queues, arrivalsRate, groupsDue },
    telemetry: {
      siteId: site.id,
      at: simTime.toISOString(),
      arrivalsPerHour: round1(arrivalsRate),
      queueLength: flow.queueLength,
      waitMinutes: round1(flow.waitMinutes),
      // A service centre's self-service kiosks are its gates (the hub's queueing model takes them so: its share and
      // rate), in service while its doors are open.
      egatesInService: site.kind === 'service-centre' ? (open ? capacity.kiosksInService : 0) : capacity.egatesInService,
      countersOpen: flow.countersOpen,
      processedPerHour: dtHours > 0 ? round1(flow.processed / dtHours) : 0,
      officersOnDuty: officersOnDuty(site.kind, site.staff, open, reinforcement),
    },
  };
}

/**
 * Travellers in this step. One at a time (cars, walk-ins, callers) they come
 * at random. In groups (flights, ferries) they keep a timetable: a group
 * lands when its slot comes round — two flights do not pile onto one desk
 * hall by chance, the schedule spaces them — and its load varies; `due` carries
 * the part of the next group not yet due.
 */
function drawArrivals(groupSize: number, expected: number, due: number, rng: Rng): { arrivals: number; groupsDue: number } {
  if (groupSize <= 1) return { arrivals: poisson(rng, expected), groupsDue: 0 };
  const owed = due + expected / groupSize;
  const groups = Math.floor(owed);
  return { arrivals: groups > 0 ? poisson(rng, groups * groupSize) : 0, groupsDue: owed - groups };
}

/**
 * A contact centre's step after its lanes have moved: callers who held too
 * long hang up (contact-centre.ts), and the report carries how inquiries
 * ended. Answered calls are its passengers processed, agents answering its
 * counters open; it has no e-gates.
 */
function advanceCalls(
  model: SiteModel,
  previous: SiteState,
  flow: SiteFlow,
  now: { arrivalsRate: number; smoothing: number; dtHours: number; simTime: Date; open: boolean; reinforcement: number },
): { state: SiteState; telemetry: SiteTelemetry } {
  const { site } = model;
  const outcomes = callOutcomes({ ...flow, backlog: flow.queues.staffedBacklog, dtHours: now.dtHours });
  const contact = smoothContactRates(previous.contact, outcomes, now.dtHours, now.smoothing);
  const answered = outcomes.answeredByAi + outcomes.answeredByPeople;
  return {
    state: { selfBacklog: flow.queues.selfBacklog, staffedBacklog: outcomes.backlog, arrivalsRate: now.arrivalsRate, contact, waitForAPersonMinutes: flow.staffedWaitMinutes },
    telemetry: {
      siteId: site.id,
      at: now.simTime.toISOString(),
      arrivalsPerHour: round1(now.arrivalsRate),
      queueLength: Math.round(Math.max(0, flow.queueLength - (flow.queues.staffedBacklog - outcomes.backlog))),
      waitMinutes: round1(flow.waitMinutes),
      egatesInService: 0,
      countersOpen: flow.countersOpen,
      processedPerHour: now.dtHours > 0 ? round1(answered / now.dtHours) : 0,
      officersOnDuty: officersOnDuty(site.kind, site.staff, now.open, now.reinforcement),
      contactCentre: {
        answeredByAiPerHour: round1(contact.answeredByAiPerHour),
        answeredByPeoplePerHour: round1(contact.answeredByPeoplePerHour),
        abandonedPerHour: round1(contact.abandonedPerHour),
      },
    },
  };
}
