// A site's arrivals forecast on request: its hourly flow history (the hub's
// own telemetry, never the simulator's parameters) with the calendar's peaks
// taken out, the model fitted, the hours ahead forecast and the peaks put
// back. Hours are on the site's clock: the forecast starts at the hour of its
// latest report (the current one, still filling, is not fitted on).
import type { Site, SiteForecast } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { FLOW_HISTORY_HOURS, HOUR_MS, hourOf, summariseFlowHour } from '../telemetry/flow-history.js';
import { fitArrivals, forecastArrivals, INTERVAL, type ArrivalsFit } from './arrivals-model.js';
import { predictStaffing } from './forecast-staffing.js';
import { round1 } from './scenario.js';
import { peaksFor, type PeakCalendar } from './peak-calendar.js';


/**
 * The last fit per site and store: a fit changes only when the history or
 * the calendar does, so within an hour every forecast after the first (the
 * early warnings ask for all sites often) skips the fitting. The key says
 * what the fit rests on: the current hour, how many reports the history
 * holds and the calendar's factors over it, and the horizon.
 */
const fits = new WeakMap<StoreReader, Map<string, { key: string; fit: ArrivalsFit }>>();

function cachedFit(store: StoreReader, siteId: string, key: string, make: () => ArrivalsFit): ArrivalsFit {
  let bySite = fits.get(store);
  if (!bySite) fits.set(store, (bySite = new Map()));
  const hit = bySite.get(siteId.toUpperCase());
  if (hit?.key === key) return hit.fit;
  const fit = make();
  bySite.set(siteId.toUpperCase(), { key, fit });
  return fit;
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
  const startHour = current - FLOW_HISTORY_HOURS;
  const rows = await store.listFlowHours({ siteId: site.id, fromHour: startHour, toHour: current });
  const peaks = peaksFor(options.calendar, site);
  const series: number[] = new Array(FLOW_HISTORY_HOURS).fill(Number.NaN);
  let reports = 0;
  let factors = 0;
  for (const r of rows) {
    const factor = peaks.factor(r.hour);
    series[r.hour - startHour] = r.arrivalsSum / r.reports / factor;
    reports += r.reports;
    factors += factor;
  }
  // Start the series at its first reported hour: leading gaps would only slow the fit.
  const first = series.findIndex((y) => !Number.isNaN(y));
  if (first < 0) return { ...base, from: isoHour(current), method: 'none', historyHours: 0, hours: [] };

  const key = `${current}:${rows.length}:${reports}:${factors}:${options.hours}`;
  const fit = cachedFit(store, site.id, key, () => fitArrivals(series.slice(first), startHour + first, { horizon: options.hours }));
  const points = forecastArrivals(fit, options.hours);
  const scaled = points.map((p) => {
    const f = peaks.factor(p.hour);
    return { hour: p.hour, mean: p.mean * f, lower: p.lower * f, upper: p.upper * f };
  });
  const staffing = predictStaffing(site, scaled.map((p) => ({ hour: p.hour, arrivalsPerHour: p.mean })), rows.slice(-24).map(summariseFlowHour));
  return {
    ...base,
    from: isoHour(current),
    method: fit.method,
    historyHours: rows.length,
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
