// THE seam between the early warnings and the arrivals forecast: each site's
// hours ahead, predicted, on the site's own clock (its latest report — the
// demo at --speed N runs a fast clock, and the warnings must be judged on it).
// The arrivals come from the forecaster (site-forecast.ts: the site's own
// history and the peak calendar), corrected by what the site reports now: a
// surge nobody put in the calendar shows first as arrivals above the forecast
// for the current hour, and the hours ahead are scaled by that ratio (down as
// well: a surge that has passed, a day quieter than its history) — fully now,
// less and less further ahead (a half-life of NOWCAST_HALF_LIFE_HOURS: the
// current half-hour says much about the next hour and little about the sixth;
// a ferry that has just docked is not a ferry an hour all evening). With
// no history to forecast from, the site's recent telemetry is held flat, as
// the scenarios' baseline does (scenario-baseline.ts).
import type { ScenarioBaselineSource, ScenarioHour, Site, SiteTelemetry } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { HOUR_MS, hourOf, readFlowHours } from '../telemetry/flow-history.js';
import type { PeakCalendar } from './peak-calendar.js';
import { recentArrivals, workingCounters } from './scenario-baseline.js';
import { predictCarried, standingBacklog } from './queue-carry.js';
import type { BaselineHour } from './scenario.js';
import { forecastSite } from './site-forecast.js';
import { siteStation } from './site-station.js';

/** The most the current hour scales the forecast, up or down (reports are noisy; one bad one must not page the fleet or hush it). */
export const NOWCAST_RATIO_CAP = 3;
/** Hours ahead over which the current hour's correction halves (on a log scale: ×2 now, ×1.41 two hours on). */
export const NOWCAST_HALF_LIFE_HOURS = 2;

/** The correction for the hour `ahead` hours on: the ratio's log halved every NOWCAST_HALF_LIFE_HOURS. */
export const nowcastAt = (ratio: number, ahead: number): number => ratio ** (0.5 ** (ahead / NOWCAST_HALF_LIFE_HOURS));

export interface SitePrediction {
  site: Site;
  source: ScenarioBaselineSource;
  /** The site's latest report: where its hours start. */
  asOf: string;
  officersOnDuty: number;
  countersOpen: number;
  /** From the hour of the latest report on; each with its predicted wait and counters advised. */
  hours: ScenarioHour[];
}

/** The hours ahead the site is expected to see, before the queueing model. */
export async function predictSiteHours(
  store: StoreReader,
  site: Site,
  latest: SiteTelemetry,
  hours: number,
  calendar: PeakCalendar | undefined,
): Promise<{ source: ScenarioBaselineSource; hours: BaselineHour[] }> {
  const maxCounters = await workingCounters(store, site.id, latest.countersOpen);
  const first = hourOf(new Date(latest.at));
  const held = { countersOpen: latest.countersOpen, egatesInService: latest.egatesInService, maxCounters };
  const forecast = calendar ? await forecastSite(store, site, { hours, calendar, now: new Date(latest.at) }) : undefined;
  if (forecast && forecast.hours.length === hours && forecast.method !== 'none') {
    const now = forecast.hours[0]!.arrivalsPerHour;
    const ratio = now > 0 ? Math.min(NOWCAST_RATIO_CAP, Math.max(1 / NOWCAST_RATIO_CAP, latest.arrivalsPerHour / now)) : 1;
    const rostered = await rosteredCounters(store, latest, hours, maxCounters);
    // Closed: nothing open now and nobody waiting, or no desk rostered for the hour and no gate — the forecast's trickle into a shut hall queues nowhere.
    const closed = (i: number) => latest.egatesInService === 0 && rostered[i] === 0 && (i > 0 || latest.queueLength === 0);
    return {
      source: 'forecast',
      hours: forecast.hours.map((h, i) => ({
        at: h.at,
        arrivalsPerHour: closed(i) ? 0 : h.arrivalsPerHour * nowcastAt(ratio, i),
        ...held,
        countersOpen: rostered[i]!,
      })),
    };
  }
  const arrivalsPerHour = await recentArrivals(store, latest);
  return {
    source: 'recent-telemetry',
    hours: Array.from({ length: hours }, (_, i) => ({ at: new Date((first + i) * HOUR_MS).toISOString(), arrivalsPerHour, ...held })),
  };
}

/**
 * The counters a site will have open in each hour ahead: as reported now for
 * the current hour; after it, as many as it opened at that hour the day
 * before (sites roster their desks by the hour) — or, when it had none open
 * then (a service centre's day off), at that hour a week before; with no
 * report in that hour yesterday, at that hour a week before, else in the hour
 * beside it yesterday (rosters change by the hour, not at random), else at
 * that hour on the latest day that has it — else as now; never more than its
 * working desks. None rostered means closed.
 */
async function rosteredCounters(store: StoreReader, latest: SiteTelemetry, hours: number, maxCounters: number): Promise<number[]> {
  const first = hourOf(new Date(latest.at));
  const past = await readFlowHours(store, { siteId: latest.siteId, from: new Date((first - 167) * HOUR_MS), to: new Date((first + hours - 23) * HOUR_MS) });
  const byHour = new Map(past.map((h) => [h.hour, Math.round(h.countersOpen)]));
  return Array.from({ length: hours }, (_, i) => {
    if (i === 0) return Math.min(maxCounters, latest.countersOpen);
    const yesterday = byHour.get(first + i - 24);
    const lastWeek = byHour.get(first + i - 168);
    const besideYesterday = byHour.get(first + i - 25) ?? byHour.get(first + i - 23);
    const earlier = [2, 3, 4, 5, 6].map((days) => byHour.get(first + i - 24 * days)).find((n) => n !== undefined);
    const rostered = yesterday === undefined ? lastWeek ?? besideYesterday ?? earlier ?? latest.countersOpen : yesterday === 0 && lastWeek !== undefined ? lastWeek : yesterday;
    return Math.min(maxCounters, rostered);
  });
}

/**
 * Every site that has reported, its hours ahead through the queueing model
 * (no calendar: recent telemetry held flat): the site's own counter rate
 * (site-station.ts), the queue it reports now carried into the hours ahead
 * (queue-carry.ts). Sites that never reported are left out.
 */
export async function predictFleet(store: StoreReader, hours: number, calendar?: PeakCalendar): Promise<SitePrediction[]> {
  const reports = new Map((await store.listTelemetry()).map((t) => [t.siteId.toUpperCase(), t]));
  const out: SitePrediction[] = [];
  for (const site of await store.listSites()) {
    const latest = reports.get(site.id.toUpperCase());
    if (!latest) continue;
    const predicted = await predictSiteHours(store, site, latest, hours, calendar);
    const model = { params: await siteStation(store, site, new Date(latest.at), WAIT_TARGET_MINUTES), waitTargetMinutes: WAIT_TARGET_MINUTES };
    const standing = predicted.hours[0] ? standingBacklog(latest.queueLength, predicted.hours[0], model.params) : 0;
    out.push({
      site,
      source: predicted.source,
      asOf: latest.at,
      officersOnDuty: await officersOnDuty(store, latest),
      countersOpen: latest.countersOpen,
      hours: predictCarried(predicted.hours, model, standing),
    });
  }
  return out;
}

/**
 * Officers on duty as the site last said (the flow history keeps them by the
 * hour; the latest report does not): the mean over the hour of its latest
 * report, rounded down; the counters open when the site never says.
 */
async function officersOnDuty(store: StoreReader, latest: SiteTelemetry): Promise<number> {
  if (latest.officersOnDuty !== undefined) return latest.officersOnDuty;
  const at = new Date(latest.at);
  const [hour] = await readFlowHours(store, { siteId: latest.siteId, from: at, to: at });
  return hour?.officersOnDuty === null || hour === undefined ? latest.countersOpen : Math.floor(hour.officersOnDuty);
}
