// A site's arrivals forecast on request: its hourly flow history (the hub's
// own telemetry, never the simulator's parameters) with the calendar's peaks
// taken out and the hours the site did not get through within target left
// out (unusual-hours.ts: a surge is not a season), the model fitted, the
// hours ahead forecast and the peaks put back. Hours are on the site's clock: the forecast starts at the hour of its
// latest report (the current one, still filling, is not fitted on).
import type { FleetForecasts, Site, SiteForecast, SiteTelemetry } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { FLOW_HISTORY_HOURS, HOUR_MS, hourOf, summariseFlowHour, type FlowHour } from '../telemetry/flow-history.js';
import { fitArrivals, fittedArrivals, forecastArrivals, INTERVAL, methodFor, type ArrivalsFit, type ArrivalsMethod } from './arrivals-model.js';
import { siteAiShares, personShare, toPersonQueue } from './contact-ai-share.js';
import { predictStaffing } from './forecast-staffing.js';
import { round1 } from './scenario.js';
import { handledLoad, type HandledLoad } from './handled-load.js';
import { peaksFor, type PeakCalendar } from './peak-calendar.js';
import { unusualHours } from './unusual-hours.js';

/**
 * What a site's forecast rests on, kept per site and store for the hour: the
 * history it is fitted on ends before the current hour (still filling), so
 * within an hour every forecast after the first (the early warnings ask for
 * every site every few seconds) neither reads the history again nor refits.
 * A new hour, another horizon or another calendar (the file was edited: a
 * new object) makes a new one.
 */
interface SiteHour {
  hour: number;
  /** The hour the fit's method and parameters were last searched for, and the richest method the history then allowed. */
  searchedHour: number;
  richest: ArrivalsMethod | undefined;
  horizon: number;
  calendar: PeakCalendar;
  fit: ArrivalsFit | undefined;
  historyHours: number;
  recent: FlowHour[];
  handled: HandledLoad;
}

/**
 * Hours a fit's method and parameters are kept: within them a new hour reruns
 * the recursions over the history with them (one pass) instead of searching
 * again (some twenty passes). Smoothing constants chosen on weeks of history
 * do not move on one hour more of it; the fleet's forecasts cost a twentieth.
 */
export const PARAMS_KEPT_HOURS = 24;

const siteHours = new WeakMap<StoreReader, Map<string, SiteHour>>();

async function siteHour(store: StoreReader, site: Pick<Site, 'id' | 'kind' | 'region'>, current: number, horizon: number, calendar: PeakCalendar): Promise<SiteHour> {
  let bySite = siteHours.get(store);
  if (!bySite) siteHours.set(store, (bySite = new Map()));
  // By horizon too: the early warning's window and a 24-hour forecast each keep theirs.
  const key = `${site.id.toUpperCase()} ${horizon}`;
  const hit = bySite.get(key);
  if (hit && hit.hour === current && hit.horizon === horizon && hit.calendar === calendar) return hit;
  const startHour = current - FLOW_HISTORY_HOURS;
  const rows = await store.listFlowHours({ siteId: site.id, fromHour: startHour, toHour: current });
  const peaks = peaksFor(calendar, site);
  const series: number[] = new Array(FLOW_HISTORY_HOURS).fill(Number.NaN);
  const unusual = unusualHours(rows, WAIT_TARGET_MINUTES);
  for (const r of rows) if (!unusual.has(r.hour)) series[r.hour - startHour] = r.arrivalsSum / r.reports / peaks.factor(r.hour);
  // Start the series at its first reported hour: leading gaps would only slow the fit.
  const first = series.findIndex((y) => !Number.isNaN(y));
  const fitted = first < 0 ? [] : series.slice(first);
  const richest = first < 0 ? undefined : methodFor(fitted);
  // Searched again when the history grew into a richer method (a second day, a second week) too.
  const keep = hit?.fit && hit.richest === richest && hit.calendar === calendar && current > hit.searchedHour && current - hit.searchedHour < PARAMS_KEPT_HOURS;
  const options = keep ? { horizon, method: hit.fit!.method, params: hit.fit!.params } : { horizon };
  const fit = first < 0 ? undefined : fitArrivals(fitted, startHour + first, options);
  const made = { hour: current, searchedHour: keep ? hit.searchedHour : current, richest, horizon, calendar, fit, historyHours: rows.length, recent: rows.slice(-24).map(summariseFlowHour), handled: handledLoad(rows.map(summariseFlowHour).map(toPersonQueue), WAIT_TARGET_MINUTES) };
  bySite.set(key, made);
  return made;
}

/** What the site's history shows it took within target, by counters open (handled-load.ts), from the same read as its fit. */
export async function siteHandledLoad(store: StoreReader, site: Pick<Site, 'id' | 'kind' | 'region'>, current: number, options: { hours: number; calendar: PeakCalendar }): Promise<HandledLoad> {
  return (await siteHour(store, site, current, options.hours, options.calendar)).handled;
}

/**
 * The arrivals the fit took as usual in the hour before `current` (its level
 * and seasons there, the calendar's peaks put back), or in an earlier `hour`
 * of the fit: what the nowcast sets an earlier hour's reports against.
 * Undefined without a fit.
 */
export async function usualArrivalsBefore(
  store: StoreReader,
  site: Pick<Site, 'id' | 'kind' | 'region'>,
  current: number,
  options: { hours: number; calendar: PeakCalendar },
  hour = current - 1,
): Promise<number | undefined> {
  const { fit } = await siteHour(store, site, current, options.hours, options.calendar);
  return fit ? fittedArrivals(fit, hour) * peaksFor(options.calendar, site).factor(hour) : undefined;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const isoHour = (hour: number) => new Date(hour * HOUR_MS).toISOString();

export async function forecastSite(
  store: StoreReader,
  site: Pick<Site, 'id' | 'kind' | 'region'>,
  options: { hours: number; calendar: PeakCalendar; now: Date },
  /** The site's latest report when the caller has read it (a fleet's forecasts read the reports once). */
  known?: { latest: SiteTelemetry | undefined },
): Promise<SiteForecast> {
  const latest = known ? known.latest : await store.telemetryOf(site.id);
  const base = { siteId: site.id, generatedAt: options.now.toISOString(), interval: INTERVAL.coverage, calendar: options.calendar.source };
  if (!latest) return { ...base, from: null, method: 'none', historyHours: 0, hours: [] };

  const current = hourOf(new Date(latest.at));
  const { fit, historyHours, recent } = await siteHour(store, site, current, options.hours, options.calendar);
  if (!fit) return { ...base, from: isoHour(current), method: 'none', historyHours: 0, hours: [] };
  const peaks = peaksFor(options.calendar, site);
  const points = forecastArrivals(fit, options.hours);
  const scaled = points.map((p) => {
    const f = peaks.factor(p.hour);
    return { hour: p.hour, mean: p.mean * f, lower: p.lower * f, upper: p.upper * f };
  });
  // A contact centre's agents answer only what its AI agent does not (contact-ai-share.ts); everywhere else every arrival queues.
  const shares = (await siteAiShares(store, site, latest, options.hours))?.expected;
  const toPeople = scaled.map((p, i) => ({ hour: p.hour, arrivalsPerHour: p.mean * (shares ? personShare(shares[i]!.aiShare) : 1) }));
  const staffing = predictStaffing(site, toPeople, recent);
  return {
    ...base,
    from: isoHour(current),
    method: fit.method,
    historyHours,
    hours: scaled.map((p, i) => ({
      at: isoHour(p.hour),
      arrivalsPerHour: round1(p.mean),
      lower: round1(p.lower),
      upper: round1(p.upper),
      peaks: peaks.names(p.hour),
      ...staffing[i]!,
      ...(shares ? { aiShare: round3(shares[i]!.aiShare), aiShareLower: round3(shares[i]!.lower), aiShareUpper: round3(shares[i]!.upper), personArrivalsPerHour: round1(toPeople[i]!.arrivalsPerHour) } : {}),
    })),
  };
}

/** Every site's forecast, the reports read once: GET /v1/forecasts, one request for the fleet. */
export async function forecastFleet(store: StoreReader, options: { hours: number; calendar: PeakCalendar; now: Date }): Promise<FleetForecasts> {
  const reports = new Map((await store.listTelemetry()).map((t) => [t.siteId.toUpperCase(), t]));
  const forecasts: SiteForecast[] = [];
  for (const site of await store.listSites()) forecasts.push(await forecastSite(store, site, options, { latest: reports.get(site.id.toUpperCase()) }));
  return { generatedAt: options.now.toISOString(), hours: options.hours, forecasts };
}
