// A site's arrivals forecast on request: its hourly flow history (the hub's
// own telemetry, never the simulator's parameters) with the calendar's peaks
// taken out, the model fitted, the hours ahead forecast and the peaks put
// back. Hours are on the site's clock: the forecast starts at the hour of its
// latest report (the current one, still filling, is not fitted on).
import type { Site, SiteForecast } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { FLOW_HISTORY_HOURS, HOUR_MS, hourOf, summariseFlowHour, type FlowHour } from '../telemetry/flow-history.js';
import { fitArrivals, forecastArrivals, INTERVAL, type ArrivalsFit } from './arrivals-model.js';
import { predictStaffing } from './forecast-staffing.js';
import { round1 } from './scenario.js';
import { peaksFor, type PeakCalendar } from './peak-calendar.js';

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
  horizon: number;
  calendar: PeakCalendar;
  fit: ArrivalsFit | undefined;
  historyHours: number;
  recent: FlowHour[];
}

const siteHours = new WeakMap<StoreReader, Map<string, SiteHour>>();

async function siteHour(store: StoreReader, site: Pick<Site, 'id' | 'kind' | 'region'>, current: number, horizon: number, calendar: PeakCalendar): Promise<SiteHour> {
  let bySite = siteHours.get(store);
  if (!bySite) siteHours.set(store, (bySite = new Map()));
  const hit = bySite.get(site.id.toUpperCase());
  if (hit && hit.hour === current && hit.horizon === horizon && hit.calendar === calendar) return hit;
  const startHour = current - FLOW_HISTORY_HOURS;
  const rows = await store.listFlowHours({ siteId: site.id, fromHour: startHour, toHour: current });
  const peaks = peaksFor(calendar, site);
  const series: number[] = new Array(FLOW_HISTORY_HOURS).fill(Number.NaN);
  for (const r of rows) series[r.hour - startHour] = r.arrivalsSum / r.reports / peaks.factor(r.hour);
  // Start the series at its first reported hour: leading gaps would only slow the fit.
  const first = series.findIndex((y) => !Number.isNaN(y));
  const fit = first < 0 ? undefined : fitArrivals(series.slice(first), startHour + first, { horizon });
  const made = { hour: current, horizon, calendar, fit, historyHours: rows.length, recent: rows.slice(-24).map(summariseFlowHour) };
  bySite.set(site.id.toUpperCase(), made);
  return made;
}

const isoHour = (hour: number) => new Date(hour * HOUR_MS).toISOString();

export async function forecastSite(
  store: StoreReader,
  site: Pick<Site, 'id' | 'kind' | 'region'>,
  options: { hours: number; calendar: PeakCalendar; now: Date },
): Promise<SiteForecast> {
  const latest = (await store.listTelemetry()).find((t) => t.siteId.toUpperCase() === site.id.toUpperCase());
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
  const staffing = predictStaffing(site, scaled.map((p) => ({ hour: p.hour, arrivalsPerHour: p.mean })), recent);
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
    })),
  };
}
