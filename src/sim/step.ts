// One step of the simulated world, as a pure function of the state, the
// simulated time and a random stream: faults clear and start, alerts fall
// due, travellers arrive and queue. The timer loop (simulator.ts) only calls
// this and posts what comes out.
import type { SiteTelemetry } from '../core/model.js';
import { alertOf, type AlertmanagerAlert } from './alerts.js';
import { arrivalGroupSize, expectedArrivalsPerHour, isOpen, plannedArrivalsPerHour, seasonFactor } from './arrivals.js';
import { riyadhTime } from './calendar.js';
import { NO_WORLD_CHANGES, type WorldChanges } from './fault-link.js';
import { drawFaultsInProgress, drawNewFaults, injectedFault, type Fault } from './faults.js';
import type { DemoFleet } from './fleet.js';
import { siteCapacity } from './impact.js';
import { deskCap, officersOnDuty, siteFlow, type SiteQueues } from './queues.js';
import { poisson, type Rng } from './rng.js';
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
}

export interface SimState {
  world: SimWorld;
  sites: Readonly<Record<string, SiteState>>;
  /** Open faults, in the order they started. */
  faults: readonly Fault[];
  nextFaultSeq: number;
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
}

export function initialState(fleet: DemoFleet, simTime: Date, rng: Rng, options: InitialStateOptions = {}): SimState {
  const world = buildWorld(fleet);
  const now = simTime.getTime();
  const sites = Object.fromEntries(
    world.sites.map((m) => [m.site.id, { selfBacklog: 0, staffedBacklog: 0, arrivalsRate: expectedArrivalsPerHour(m.site, simTime, m.bankPhase) }]),
  );
  const inProgress = options.faultsInProgress === false ? { faults: [], nextSeq: 1 } : drawFaultsInProgress(world, now, rng);
  return { world, sites, faults: inProgress.faults, nextFaultSeq: inProgress.nextSeq };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

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
    const next = advanceSite(model, state.sites[model.site.id]!, faulted, simTime, dtSeconds, rng);
    sites[model.site.id] = next.state;
    return next.telemetry;
  });
  return { state: { world, sites, faults, nextFaultSeq }, telemetry, alerts, started, cleared };
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
): { state: SiteState; telemetry: SiteTelemetry } {
  const { site } = model;
  const dtHours = dtSeconds / 3600;
  const expected = expectedArrivalsPerHour(site, simTime, model.bankPhase);
  // Groups (flights, ferries) arrive at random; their people all at once.
  const groupSize = arrivalGroupSize(site);
  const arrivals = poisson(rng, (expected * dtHours) / groupSize) * groupSize;
  const capacity = siteCapacity(model, faulted);
  // Officers are seconded to the pilgrim gateways for the season.
  const reinforcement = Math.max(1, seasonFactor(site, simTime));
  const open = isOpen(site.kind, riyadhTime(simTime));
  const flow = siteFlow({
    kind: site.kind,
    open,
    arrivals,
    arrivalRate: expected,
    plannedRate: plannedArrivalsPerHour(site, simTime),
    dtHours,
    capacity,
    desks: deskCap(site.kind, site.staff, reinforcement),
    queues: previous,
  });
  const observedRate = dtHours > 0 ? arrivals / dtHours : previous.arrivalsRate;
  const smoothing = 1 - Math.exp(-dtSeconds / RATE_WINDOW_SECONDS);
  const arrivalsRate = previous.arrivalsRate + (observedRate - previous.arrivalsRate) * smoothing;
  return {
    state: { ...flow.queues, arrivalsRate },
    telemetry: {
      siteId: site.id,
      at: simTime.toISOString(),
      arrivalsPerHour: round1(arrivalsRate),
      queueLength: flow.queueLength,
      waitMinutes: round1(flow.waitMinutes),
      egatesInService: capacity.egatesInService,
      countersOpen: flow.countersOpen,
      processedPerHour: dtHours > 0 ? round1(flow.processed / dtHours) : 0,
      officersOnDuty: officersOnDuty(site.kind, site.staff, open, reinforcement),
    },
  };
}
