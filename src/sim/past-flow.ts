// The demo world's past: the hourly flow each site would have reported over
// the days before the demo starts, as an import from a centre's existing
// systems would bring it. A real command centre opens with months of its
// sites' history; a demo hub that opened with none ran its forecaster on
// hours, then days, of data for most of a simulated week — nothing like a
// real centre. So the same simulator (same seed, same model: timetables,
// seasons, faults and the unannounced surges of surges.ts) is run over the
// past at a coarse step, and each site's steps are summed into one report an
// hour. It reaches the hub only as those reports, through the telemetry
// intake like any import: the hub is told no parameter and no surge.
//
// The past draws from a stream of its own, so the live run's draws (faults,
// arrivals) are what they were for a seed; only the surge schedule is shared,
// so a surge under way when the demo starts is in its past as well.
import type { SiteTelemetry } from '../core/model.js';
import type { DemoFleet } from './fleet.js';
import { mulberry32 } from './rng.js';
import { initialState, step } from './step.js';
import { surgeSeedOf } from './surges.js';

const HOUR_MS = 3_600_000;
/** Days of the past reported: two weeks, what the forecaster's weekly season needs before it is used (arrivals-model.ts). */
export const PAST_FLOW_DAYS = 14;
/**
 * The past's step (simulated seconds): the live run's step (its speed times a
 * one-second tick), so the past's hours are as noisy as the live ones it
 * forecasts (a forecaster fitted on smoother hours than it then meets scores
 * worse than it is), within bounds that keep start-up fast: each step is one
 * fleet step (faults over every asset, about a millisecond), so two weeks at
 * 15 minutes is about 1,300 steps, at one minute 20,000.
 */
export const PAST_FLOW_STEP_SECONDS = { min: 900, max: 1800 } as const;
export const pastFlowStepSeconds = (speed: number): number => Math.min(PAST_FLOW_STEP_SECONDS.max, Math.max(PAST_FLOW_STEP_SECONDS.min, speed));
const PAST_SEED_SALT = 0x9a57;

export interface PastFlowOptions {
  fleet: DemoFleet;
  seed: number;
  /** Where the past ends (ms): the live run's start. */
  untilMs: number;
  days?: number;
  /** The live run's speed (simulated seconds per real second): sets the step. */
  speed: number;
}

/**
 * Each site's hours from `days` before `untilMs` (from the start of that
 * hour) up to `untilMs`, one report per site-hour dated at the hour's last
 * step, oldest hour first; the last hour may be partial.
 */
export function pastFlowReports(options: PastFlowOptions): SiteTelemetry[] {
  return [...pastFlowSlices(options)].flat();
}

/** Steps a slice of pastFlowSlices runs (a few milliseconds: a request waits for one slice at most). */
export const PAST_FLOW_STEPS_PER_SLICE = 8;

/**
 * pastFlowReports in slices: the reports of the hours finished in each
 * `stepsPerSlice` steps (the last slice ends with the partial hour), so a
 * caller sharing its event loop (a hub serving requests) can yield between them.
 */
export function* pastFlowSlices(options: PastFlowOptions, stepsPerSlice = PAST_FLOW_STEPS_PER_SLICE): Generator<SiteTelemetry[]> {
  const days = options.days ?? PAST_FLOW_DAYS;
  const stepMs = pastFlowStepSeconds(options.speed) * 1000;
  const startMs = (Math.floor(options.untilMs / HOUR_MS) - days * 24) * HOUR_MS;
  const rng = mulberry32((options.seed ^ PAST_SEED_SALT) >>> 0);
  let state = initialState(options.fleet, new Date(startMs - stepMs / 2), rng, { surgeSeed: surgeSeedOf(options.seed) });
  let out: SiteTelemetry[] = [];
  let hour: SiteTelemetry[][] = [];
  let hourIndex = Math.floor(startMs / HOUR_MS);
  let steps = 0;
  // Steps half a step off the hour (at :15 and :45 for half-hour steps), so an hour's reports centre on its middle,
  // as a live run's do on average whatever the phase of its ticks.
  for (let at = startMs + stepMs / 2; at <= options.untilMs; at += stepMs) {
    const h = Math.floor(at / HOUR_MS); // the hour the hub files a report of this time in
    if (h !== hourIndex && hour.length > 0) {
      out.push(...hour.map(hourlyReport));
      hour = [];
    }
    hourIndex = h;
    const result = step(state, new Date(at), stepMs / 1000, rng);
    state = result.state;
    if (hour.length === 0) hour = result.telemetry.map((t) => [t]);
    else result.telemetry.forEach((t, i) => hour[i]!.push(t));
    if (++steps % stepsPerSlice === 0 && out.length > 0) {
      yield out;
      out = [];
    }
  }
  if (hour.length > 0) out.push(...hour.map(hourlyReport));
  if (out.length > 0) yield out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** A site's steps in one hour as one report: the means, counts rounded to whole ones, dated at the last step. */
export function hourlyReport(steps: readonly SiteTelemetry[]): SiteTelemetry {
  const last = steps.at(-1)!;
  const of = (pick: (t: SiteTelemetry) => number | undefined) => mean(steps.map((t) => pick(t) ?? 0));
  const report: SiteTelemetry = {
    siteId: last.siteId,
    at: last.at,
    arrivalsPerHour: round1(of((t) => t.arrivalsPerHour)),
    queueLength: Math.round(of((t) => t.queueLength)),
    waitMinutes: round1(of((t) => t.waitMinutes)),
    egatesInService: Math.round(of((t) => t.egatesInService)),
    countersOpen: Math.round(of((t) => t.countersOpen)),
  };
  if (last.processedPerHour !== undefined) report.processedPerHour = round1(of((t) => t.processedPerHour));
  if (last.officersOnDuty !== undefined) report.officersOnDuty = Math.round(of((t) => t.officersOnDuty));
  if (last.contactCentre) {
    report.contactCentre = {
      answeredByAiPerHour: round1(of((t) => t.contactCentre?.answeredByAiPerHour)),
      answeredByPeoplePerHour: round1(of((t) => t.contactCentre?.answeredByPeoplePerHour)),
      abandonedPerHour: round1(of((t) => t.contactCentre?.abandonedPerHour)),
    };
  }
  return report;
}
