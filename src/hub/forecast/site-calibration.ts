// A site's own counter service rate, fitted from its flow history. The
// planning figures per kind (STATION_PARAMS) are estimates; a site whose
// desks run faster or slower than them (or whose self-service the reports do
// not count: a service centre's kiosks; the 992 line's AI agent is taken out first, contact-ai-share.ts) would have
// its waits predicted wrongly on every hour. So each ordinary hour the site
// reported — a queue it could measure, within the wait target — gives the
// counter rate at which the queueing model (queueing-station.ts) reproduces
// the wait it reported with the arrivals, counters and e-gates it reported;
// the site's rate is the median of those — never below the planning figure:
// Erlang C assumes travellers come one by one, and where they come a
// planeload at a time the waits run longer than it says at any rate; read as
// slow desks, that would understate what the desks can clear at the peaks
// (the demo's airports fitted at two thirds of their rate and warned of
// overloads that never came). Pure: hours in, parameters out; nothing here
// reads the simulator (only the hub's own telemetry).
import type { FlowHour } from '../telemetry/flow-history.js';
import { stationWait, type StationParams } from './queueing-station.js';

/** Hours the fit needs before it replaces the planning figure. */
export const MIN_CALIBRATION_HOURS = 6;
/** Reported waits below this (minutes) say only that the desks kept up easily: no rate follows from them. */
const MIN_WAIT_MINUTES = 0.1;
/** The fitted rate stays within this factor of the planning figure (a bad week of reports must not make desks ten times faster). */
const MAX_FACTOR = 4;
const BISECTIONS = 30;

export interface Calibration {
  params: StationParams;
  /** Hours the rate was fitted on; 0 when the planning figure stands. */
  hours: number;
}

/**
 * The counter rate at which the model's mean wait for this hour is the one
 * reported: the wait falls as the rate rises, so bisection (on a log scale,
 * between the rate at which the counters just keep up and MAX_FACTOR times
 * the planning figure) finds it. Undefined when no rate in range fits.
 */
export function impliedCounterRate(hour: Pick<FlowHour, 'arrivalsPerHour' | 'countersOpen' | 'egatesInService' | 'waitMeanMinutes'>, base: StationParams): number | undefined {
  const load = { arrivalsPerHour: hour.arrivalsPerHour, countersOpen: Math.round(hour.countersOpen), egatesInService: Math.round(hour.egatesInService) };
  const waitAt = (rate: number) => stationWait(load, { ...base, counterServiceRate: rate }).meanWaitMinutes;
  let lo = base.counterServiceRate / MAX_FACTOR;
  let hi = base.counterServiceRate * MAX_FACTOR;
  if (waitAt(hi) > hour.waitMeanMinutes || waitAt(lo) < hour.waitMeanMinutes) return undefined;
  for (let i = 0; i < BISECTIONS; i++) {
    const mid = Math.sqrt(lo * hi);
    if (waitAt(mid) > hour.waitMeanMinutes) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}

/** What fits one hour's rate: impliedCounterRate, or a memo of it (site-station.ts keeps one per site, as an hour's rate never changes once its row does not). */
export type HourRate = (hour: FlowHour, base: StationParams) => number | undefined;

/** The site's parameters: the planning figures with the counter rate its ordinary hours imply, if higher (the planning figure until MIN_CALIBRATION_HOURS of them). */
export function calibrateStation(hours: readonly FlowHour[], base: StationParams, waitTargetMinutes: number, rateOf: HourRate = impliedCounterRate): Calibration {
  const rates: number[] = [];
  for (const h of hours) {
    if (h.reports === 0 || h.arrivalsPerHour <= 0 || Math.round(h.countersOpen) < 1) continue;
    if (h.waitMeanMinutes < MIN_WAIT_MINUTES || h.waitMeanMinutes > waitTargetMinutes) continue;
    const rate = rateOf(h, base);
    if (rate !== undefined) rates.push(rate);
  }
  if (rates.length < MIN_CALIBRATION_HOURS) return { params: base, hours: 0 };
  rates.sort((a, b) => a - b);
  const mid = rates.length >> 1;
  const median = rates.length % 2 ? rates[mid]! : (rates[mid - 1]! + rates[mid]!) / 2;
  return { params: { ...base, counterServiceRate: Math.max(base.counterServiceRate, median) }, hours: rates.length };
}
