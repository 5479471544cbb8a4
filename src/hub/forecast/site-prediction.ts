// THE seam between the early warnings and the arrivals forecast: each site's
// hours ahead, predicted, on the site's own clock (its latest report — the
// demo at --speed N runs a fast clock, and the warnings must be judged on it).
// The arrivals come from the forecaster (site-forecast.ts: the site's own
// history and the peak calendar), corrected by what the site reports now: a
// surge nobody put in the calendar shows first as arrivals above the forecast
// for the current hour, and the hours ahead are scaled by that ratio (down as
// well: a surge that has passed, a day quieter than its history) — fully now,
// less and less further ahead (a half-life of NOWCAST_HALF_LIFE_HOURS: a surge
// builds and holds for hours — a bank of diverted flights, a convoy — so
// whatever is above the forecast now is taken to fade over the afternoon, not
// the hour; with a half-life of two hours the demo's three-hour ramps were
// seen only once their queue stood). The ratio is shrunk toward 1 where
// counts are small (nowcastRatio), so chance at a quiet site is not read as a
// surge that lasts. The report is set against the usual at its own minute
// (usualAtReport) and counts only beyond the forecast's interval (beyondBand:
// the site's own count level); travellers beyond it are also added ahead,
// fading as the ratio does (excessAt) — or, when the hour before was already
// beyond its own band, the report is at least twice the usual and higher
// still, rising for two hours more before fading (surge-rise.ts: a surge an
// hour into its climb). A report below the interval scales the hours ahead
// down (a bank that did not come). The first report after an hour with
// nothing open (a service centre's opening) is no evidence either way. The
// breaches the queueing model
// then sees are checked against what the site has handled (handled-load.ts). With
// no history to forecast from, the site's recent telemetry is held flat, as
// the scenarios' baseline does (scenario-baseline.ts).
import type { ScenarioBaselineSource, ScenarioHour, Site, SiteTelemetry } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import type { RecentReport } from '../store/recent-report-store.js';
import { HOUR_MS, hourOf, readFlowHour, readFlowHours, type FlowHour } from '../telemetry/flow-history.js';
import type { PeakCalendar } from './peak-calendar.js';
import { recentArrivals, workingCounters } from './scenario-baseline.js';
import { predictCarried, standingBacklog } from './queue-carry.js';
import type { BaselineHour, ScenarioModel } from './scenario.js';
import { breachesBeyondHandled, RECOVERY_DAYS, usuallyRecovers } from './handled-load.js';
import { personShare, siteAiShares } from './contact-ai-share.js';
import { forecastSite, siteHandledLoad, usualArrivalsBefore } from './site-forecast.js';
import { keptOpen, rosteredCounters, staffedForForecast } from './site-roster.js';
import { siteModel } from './site-station.js';
import { correctWaits, type WaitBias } from './wait-bias.js';
import { errorScale } from './arrivals-model.js';
import { risePerHour, risingHours, type RiseEvidence } from './surge-rise.js';
import { reportedLevel, reportedRisePerHour, TREND_MAX_RELATIVE_WIDTH, trendMinMultiple } from './report-trend.js';
import { queueGrowth, withQueueGrowth } from './queue-growth.js';
import { fadedAtPace, fallingPace, loneJump } from './rate-burst.js';

/** The most the current hour scales the forecast, up or down (reports are noisy; one bad one must not page the fleet or hush it). */
export const NOWCAST_RATIO_CAP = 3;
/** Hours ahead over which the current hour's correction halves (on a log scale: ×2 now, ×1.41 four hours on). */
export const NOWCAST_HALF_LIFE_HOURS = 4;

/**
 * Travellers added to both sides of the nowcast's ratio: the reported rate is
 * about half an hour's arrivals, and at a site that sees twenty an hour ten
 * more or fewer in that half hour is chance, not a surge (so twice the forecast
 * there reads as a third more); where hundreds come, the same twenty change little.
 */
export const NOWCAST_PRIOR_TRAVELLERS = 20;
/** The half hour the reported rate stands for (a counter rate over about 30 minutes). */
const NOWCAST_WINDOW_HOURS = 0.5;

/** The current hour's reported rate against its forecast, shrunk toward 1 where counts are small, within NOWCAST_RATIO_CAP. */
export function nowcastRatio(reportedPerHour: number, forecastPerHour: number): number {
  if (!(forecastPerHour > 0)) return 1;
  const seen = reportedPerHour * NOWCAST_WINDOW_HOURS + NOWCAST_PRIOR_TRAVELLERS;
  const expected = forecastPerHour * NOWCAST_WINDOW_HOURS + NOWCAST_PRIOR_TRAVELLERS;
  return Math.min(NOWCAST_RATIO_CAP, Math.max(1 / NOWCAST_RATIO_CAP, seen / expected));
}

/**
 * The correction for the hour `ahead` hours on: the ratio's log halved every
 * NOWCAST_HALF_LIFE_HOURS. The ratio itself is not carried on rising: a
 * ferry's or a planeload's hour beyond the usual was carried on climbing for
 * hours (SEA-GIZ: 49 an hour reported as a ferry came in, 116–127 predicted
 * for the hours after, 0–4 came), and gated on two hours running it still
 * warned of every regional airport's second hour of a bank (docs/benchmarks.md,
 * 2026-12-01). A rise is carried in travellers, for two hours, on stricter
 * evidence (surge-rise.ts).
 */
export const nowcastAt = (ratio: number, ahead: number): number => Math.min(NOWCAST_RATIO_CAP, ratio) ** (0.5 ** (ahead / NOWCAST_HALF_LIFE_HOURS));

/**
 * The arrivals usual at the moment of the latest report: the hours' usual
 * rates (each an hour's mean of reports, so each stands at its hour's
 * middle) interpolated to the report's minute. An hour's forecast set
 * against a report early or late in it misreads the day's own climb — at a
 * service centre's opening, the hour's mean is half the rate its last
 * minutes report — as a surge, or hides one.
 */
export function usualAtReport(at: Date, before: number, now: number, next: number): number {
  const first = Math.floor(at.getTime() / HOUR_MS);
  const usualOf = (hour: number) => (hour === first - 1 ? before : hour === first + 1 ? next : now);
  return usualBetweenMiddles(usualOf, now)(at.getTime());
}

/** The usual band at the report's minute: the interpolated usual, with the current hour's interval around it. */
export interface UsualBand {
  usual: number;
  lower: number;
  upper: number;
}

/**
 * The report as evidence: within the forecast's interval it says nothing the
 * forecast did not (ordinary ups and downs, which at a site of a few dozen an
 * hour or a planeload at a time are large), so it reads as the usual; beyond
 * it, only what lies beyond counts. The interval is the site's own count
 * level: its forecasts' errors on its own history (arrivals-model.ts).
 */
export function beyondBand(reported: number, band: UsualBand): { evidence: number; excess: number } {
  if (reported > band.upper) return { evidence: band.usual + (reported - band.upper), excess: reported - band.upper };
  if (reported < band.lower) return { evidence: Math.max(0, band.usual - (band.lower - reported)), excess: 0 };
  return { evidence: band.usual, excess: 0 };
}

/**
 * Travellers an hour beyond the usual at `hoursAhead` (from the report to an
 * hour's middle): a surge is extra flights, buses, sailings — added to the
 * usual, not a multiple of it (a diverted bank lands at a regional airport in
 * an hour its timetable has none). The excess now, halved every
 * NOWCAST_HALF_LIFE_HOURS (not carried on rising: nowcastAt says why).
 */
export const excessAt = (excess: number, hoursAhead: number): number => excess * 0.5 ** (Math.max(0, hoursAhead) / NOWCAST_HALF_LIFE_HOURS);

/**
 * The rise's two readings (surge-rise.ts): the excess now, and the hour
 * before's mean report beyond its own band — its usual with the current
 * hour's interval in that hour's count scale (errorScale) — at its middle.
 */
function riseEvidence(before: FlowHour, usualBefore: number, now: { arrivalsPerHour: number; lower: number; upper: number }, report: { reported: number; usual: number; excess: number; atMs: number }): RiseEvidence {
  const scale = errorScale(usualBefore) / errorScale(now.arrivalsPerHour);
  const band = { usual: usualBefore, lower: Math.max(0, usualBefore - (now.arrivalsPerHour - now.lower) * scale), upper: usualBefore + (now.upper - now.arrivalsPerHour) * scale };
  return { reported: report.reported, usual: report.usual, excessBefore: beyondBand(before.arrivalsPerHour, band).excess, excessNow: report.excess, hours: (report.atMs - (before.hour + 0.5) * HOUR_MS) / HOUR_MS, spread: errorScale(usualBefore), relativeWidth: now.arrivalsPerHour > 0 ? (now.upper - now.lower) / now.arrivalsPerHour : Infinity };
}

/**
 * The usual at any moment from the hours' usual rates, each standing at its
 * hour's middle, joined by straight lines (usualAtReport: the three hours around one report);
 * `usualOf` gives an hour's usual, undefined where there is none (the nearest known stands in).
 */
export function usualBetweenMiddles(usualOf: (hour: number) => number | undefined, fallback: number): (atMs: number) => number {
  const known = (hour: number) => usualOf(hour) ?? fallback;
  return (atMs) => {
    const x = atMs / HOUR_MS - 0.5;
    const h = Math.floor(x);
    return known(h) + (known(h + 1) - known(h)) * (x - h);
  };
}

/** The latest of the two hours before that of the site's latest report that it reported in, if any. */
async function earlierReading(store: StoreReader, site: Site, latest: SiteTelemetry): Promise<FlowHour | undefined> {
  const first = hourOf(new Date(latest.at));
  const hours = await readFlowHours(store, { siteId: site.id, from: new Date((first - 2) * HOUR_MS), to: new Date(first * HOUR_MS) });
  return hours.filter((h) => h.reports > 0).at(-1);
}

/** The site's hour before that of its latest report, if it reported then. */
async function hourBefore(store: StoreReader, site: Site, latest: SiteTelemetry): Promise<FlowHour | undefined> {
  const before = await readFlowHour(store, site.id, new Date((hourOf(new Date(latest.at)) - 1) * HOUR_MS));
  return before && before.reports > 0 ? before : undefined;
}

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
  station: ScenarioModel,
): Promise<{ source: ScenarioBaselineSource; hours: BaselineHour[] }> {
  const maxCounters = await workingCounters(store, site.id, latest.countersOpen);
  const first = hourOf(new Date(latest.at));
  const held = { countersOpen: latest.countersOpen, egatesInService: latest.egatesInService, maxCounters };
  // A contact centre's hours carry only the inquiries that reach a person (contact-ai-share.ts), with the AI agent's share kept
  // for the scenarios; its roster is drawn up for the usual share (an AI agent down is what a roster cannot foresee).
  const shares = await siteAiShares(store, site, latest, hours);
  const toPeople = (i: number) => (shares ? personShare(shares.expected[i]!.aiShare) : 1);
  const usuallyToPeople = (i: number) => (shares ? personShare(shares.usual[i]!.aiShare) : 1);
  const aiShare = (i: number) => (shares ? { aiShare: shares.expected[i]!.aiShare } : {});
  const forecast = calendar ? await forecastSite(store, site, { hours, calendar, now: new Date(latest.at) }) : undefined;
  if (calendar && forecast && forecast.hours.length === hours && forecast.method !== 'none') {
    const [now, next] = [forecast.hours[0]!, forecast.hours[1] ?? forecast.hours[0]!];
    const usualBefore = await usualArrivalsBefore(store, site, first, { hours, calendar });
    const usual = usualAtReport(new Date(latest.at), usualBefore ?? now.arrivalsPerHour, now.arrivalsPerHour, next.arrivalsPerHour);
    const band = { usual, lower: Math.max(0, usual - (now.arrivalsPerHour - now.lower)), upper: usual + (now.upper - now.arrivalsPerHour) };
    // A site that was shut the hour before (no desk open: a service centre's first hour) reports a rate still climbing
    // from zero, or one counted over a step that began before its doors opened: no evidence either way yet.
    const before = await hourBefore(store, site, latest);
    // With no report that hour (a link down, a hub too busy to take them) a site usually shut then is taken as shut: at
    // speed 1800 under load the demo's reports skipped its 04:00 and every service centre's opening read as a surge.
    const justOpened = before !== undefined ? before.countersOpen < 0.5 && before.egatesInService < 0.5 : usualBefore !== undefined && usualBefore < 0.5;
    // The rate now: the mean of the last half hour's reports where the site sent enough (report-trend.ts), else the latest.
    const recent = justOpened ? [] : await reportsUpTo(store, latest);
    // A burst's tail, a rate falling report on report (rate-burst.ts): the latest report is the rate now, and it fades.
    const pace = fallingPace(recent, band.upper, WAIT_TARGET_MINUTES);
    const reported = pace !== undefined ? latest.arrivalsPerHour : (reportedLevel(recent) ?? latest.arrivalsPerHour);
    // A burst's head, a lone jump beyond the band: its travellers are in the queue carried ahead; no evidence of more yet.
    const { evidence, excess } = justOpened || loneJump(recent, band.upper, WAIT_TARGET_MINUTES) ? { evidence: usual, excess: 0 } : beyondBand(reported, band);
    // Falling, the traffic beyond the usual is carried as travellers fading at its pace, not as a multiple of the usual.
    const ratio = pace !== undefined ? Math.min(1, nowcastRatio(evidence, usual)) : nowcastRatio(evidence, usual);
    const reportMs = Date.parse(latest.at);
    // The rise's earlier reading: the hour before, or when that sent no report (one lost now and then) the hour before it.
    const reading = justOpened ? undefined : (before ?? (await earlierReading(store, site, latest)));
    const usualAtReading = reading === undefined ? undefined : reading === before ? usualBefore : await usualArrivalsBefore(store, site, first, { hours, calendar }, reading.hour);
    // The climb read from the reports within the hour where the site sent enough of them (report-trend.ts), else (undefined) from the
    // hours; no climb at a site of lumpy hours, as for the hours' rise (surge-rise.ts).
    const fitted = { hours, calendar };
    async function climbWithinHour(): Promise<number | undefined> {
      if (justOpened) return undefined;
      if (band.upper - band.lower > TREND_MAX_RELATIVE_WIDTH * now.arrivalsPerHour) return 0;
      const usualTwoBefore = await usualArrivalsBefore(store, site, first, fitted, first - 2);
      const usualOf = (h: number) => (h === first ? now.arrivalsPerHour : h === first + 1 ? next.arrivalsPerHour : h === first - 1 ? usualBefore : h === first - 2 ? usualTwoBefore : undefined);
      return reportedRisePerHour({ reports: recent, reported, usual, usualAt: usualBetweenMiddles(usualOf, now.arrivalsPerHour), excessNow: excess, spread: errorScale(usual), minMultiple: trendMinMultiple(site.kind) });
    }
    const perHour = excess > 0 && pace === undefined ? ((await climbWithinHour()) ?? (reading && usualAtReading !== undefined ? risePerHour(riseEvidence(reading, usualAtReading, now, { reported, usual, excess, atMs: reportMs })) : 0)) : 0;
    // The excess at an hour's middle: risen for as long as a rise is carried, faded from there (from the report with none).
    const excessAhead = (hoursAhead: number) => {
      if (pace !== undefined) return Math.min(excessAt(excess, hoursAhead), fadedAtPace(excess, pace, hoursAhead));
      const rising = perHour > 0 ? risingHours(hoursAhead) : 0;
      return excessAt(excess + perHour * rising, hoursAhead - rising);
    };
    const history = await rosteredCounters(store, latest, hours, maxCounters);
    // A site staffs for its ordinary demand: an hour ahead it opens has at least the desks the forecast (before the nowcast) needs.
    const rostered = history.map((n, i) => (i === 0 || n === 0 ? n : Math.max(n, staffedForForecast(forecast.hours[i]!.arrivalsPerHour * usuallyToPeople(i), latest, maxCounters, station))));
    // Closed: nothing open now and nobody waiting, or no desk rostered for an hour ahead (a service centre's kiosks do not
    // open its doors) — the forecast's trickle into a shut hall queues nowhere.
    const closed = (i: number) => rostered[i] === 0 && (i > 0 || (latest.egatesInService === 0 && latest.queueLength === 0));
    // Below the interval (ratio under 1) the hours ahead are scaled down; taken together with the excess (none there) by
    // the larger of the two, they never were, and a bank the forecast expected was warned of when the report said none came.
    const arrivals = forecast.hours.map((h, i) =>
      closed(i) ? 0 : (ratio < 1 ? h.arrivalsPerHour * nowcastAt(ratio, i) : Math.max(h.arrivalsPerHour * nowcastAt(ratio, i), h.arrivalsPerHour + excessAhead(((first + i + 0.5) * HOUR_MS - reportMs) / HOUR_MS))) * toPeople(i),
    );
    const counters = keptOpen(rostered, arrivals, latest, maxCounters, station);
    return {
      source: 'forecast',
      hours: forecast.hours.map((h, i) => ({
        at: h.at,
        arrivalsPerHour: arrivals[i]!,
        ...aiShare(i),
        ...held,
        // A shut hall's kiosks (held from the report) serve nobody: a closed hour is closed.
        egatesInService: closed(i) ? 0 : held.egatesInService,
        countersOpen: counters[i]!,
      })),
    };
  }
  const arrivalsPerHour = await recentArrivals(store, latest);
  return {
    source: 'recent-telemetry',
    hours: Array.from({ length: hours }, (_, i) => ({ at: new Date((first + i) * HOUR_MS).toISOString(), arrivalsPerHour: arrivalsPerHour * toPeople(i), ...aiShare(i), ...held })),
  };
}

/**
 * Every site that has reported, its hours ahead through the queueing model
 * (no calendar: recent telemetry held flat): the site's own counter rate
 * (site-station.ts), the queue it reports now carried into the hours ahead
 * (queue-carry.ts), the waits corrected by the model's bias at the site (wait-bias.ts), and a queue
 * growing report on report carried on (queue-growth.ts). Sites that never reported are left out.
 * With `only`, just those sites (each site's prediction is its own; only the advice reads the fleet).
 */
export async function predictFleet(store: StoreReader, hours: number, calendar?: PeakCalendar, only?: ReadonlySet<string>): Promise<SitePrediction[]> {
  const reports = new Map((await store.listTelemetry()).map((t) => [t.siteId.toUpperCase(), t]));
  const out: SitePrediction[] = [];
  for (const site of await store.listSites()) {
    if (only && !only.has(site.id)) continue;
    const latest = reports.get(site.id.toUpperCase());
    if (!latest) continue;
    const { params, bias } = await siteModel(store, site, new Date(latest.at), WAIT_TARGET_MINUTES);
    const model = { params, waitTargetMinutes: WAIT_TARGET_MINUTES };
    const predicted = await predictSiteHours(store, site, latest, hours, calendar, model);
    out.push({
      site,
      source: predicted.source,
      asOf: latest.at,
      officersOnDuty: await officersOnDuty(store, latest),
      countersOpen: latest.countersOpen,
      hours: withQueueGrowth(
        await againstHandled(store, site, latest, predicted.source, predictFromQueue(predicted.hours, model, latest.queueLength, bias), calendar),
        queueGrowth(await reportsUpTo(store, latest), site.kind),
        WAIT_TARGET_MINUTES,
        params.counterServiceRate,
      ),
    });
  }
  return out;
}

/**
 * The hours ahead from the queue the site reports now: one queue carried from
 * hour to hour from the backlog standing in it (queue-carry.ts), the waits
 * corrected by the model's bias at the site (wait-bias.ts). The breach list
 * and the scenarios (scenario-service.ts) both predict through it.
 */
export function predictFromQueue(hours: readonly BaselineHour[], model: ScenarioModel, queueLength: number, bias: WaitBias): ScenarioHour[] {
  const standing = hours[0] ? standingBacklog(queueLength, hours[0], model.params) : 0;
  return correctWaits(predictCarried(hours, model, standing), bias, model.waitTargetMinutes);
}

/** The site's recent reports when they reach its latest (none when the hub restarted since, or they lag it). */
async function reportsUpTo(store: StoreReader, latest: SiteTelemetry): Promise<readonly RecentReport[]> {
  const recent = await store.listRecentReports(latest.siteId);
  return recent.at(-1)?.atMs === Date.parse(latest.at) ? recent : [];
}

/**
 * The forecast's breaches checked against what the site has handled
 * (handled-load.ts); telemetry held flat is left as it is. Still needed with
 * the waits corrected for the model's bias (wait-bias.ts): narrowed to stand
 * aside whenever the latest report is beyond the forecast's interval, false
 * alarms went from 57 % to 86 % on a simulated week (bench/early-warning.mjs).
 */
async function againstHandled(
  store: StoreReader,
  site: Site,
  latest: SiteTelemetry,
  source: ScenarioBaselineSource,
  hours: ScenarioHour[],
  calendar: PeakCalendar | undefined,
): Promise<ScenarioHour[]> {
  if (source !== 'forecast' || !calendar) return hours;
  const load = await siteHandledLoad(store, site, hourOf(new Date(latest.at)), { hours: hours.length, calendar });
  // Over target now — unless the site passes over target at this hour as a matter of course and recovers (handled-load.ts).
  const overNow = latest.waitMinutes > WAIT_TARGET_MINUTES && !(await recoversAtThisHour(store, site, latest));
  return breachesBeyondHandled(hours, load, overNow);
}

/** usuallyRecovers over the same hour of the site's last RECOVERY_DAYS days. */
async function recoversAtThisHour(store: StoreReader, site: Site, latest: SiteTelemetry): Promise<boolean> {
  const hour = hourOf(new Date(latest.at));
  const days = Array.from({ length: RECOVERY_DAYS }, (_, d) => readFlowHour(store, site.id, new Date((hour - 24 * (d + 1)) * HOUR_MS)));
  return usuallyRecovers((await Promise.all(days)).filter((h) => h !== undefined), WAIT_TARGET_MINUTES);
}

/**
 * Officers on duty as the site last said (the flow history keeps them by the
 * hour; the latest report does not): the mean over the hour of its latest
 * report, rounded down; the counters open when the site never says.
 */
async function officersOnDuty(store: StoreReader, latest: SiteTelemetry): Promise<number> {
  if (latest.officersOnDuty !== undefined) return latest.officersOnDuty;
  const hour = await readFlowHour(store, latest.siteId, new Date(latest.at));
  return hour?.officersOnDuty === null || hour === undefined ? latest.countersOpen : Math.floor(hour.officersOnDuty);
}
