// A surge's climb read from the reports within the hour. The flow history
// keeps hours, so surge-rise.ts set the latest report against the hour
// before's mean: two readings an hour apart, and at the last report an hour
// ahead of a breach most surges showed as one reading beyond the usual
// (docs/benchmarks.md, 2026-12-02). A site that reports every few minutes
// says more: here the reports of the last TREND_WINDOW_HOURS (kept by the hub,
// store/recent-report-store.ts), each set against the usual at its own minute,
// are fitted with a straight line, and its slope is the rise per hour that
// site-prediction.ts carries ahead — when the line is a climb and not the
// count's chatter: enough reports over enough of the window, the climb over
// the window beyond the count's own spread, the slope several of its
// standard errors above zero, and the latest report beyond the usual band and
// well above the usual (TREND_MIN_MULTIPLE).
// A busier day than the history climbs with its own morning, but its excess
// over the usual grows slowly; a planeload or a ferry jumps and then falls
// (a fit over it is no climb, and the lumpy sites stay gated as surge-rise.ts
// gates them). Reports from before the site last opened (nothing open) are no
// part of the climb. Fewer reports than the fit needs (a site that reports
// twice an hour, a hub just restarted): undefined, and the hours decide. Pure.
import type { SiteKind } from '../../core/model.js';
import type { RecentReport } from '../store/recent-report-store.js';

/** How far back from the latest report the climb is read (hours). */
export const TREND_WINDOW_HOURS = 0.75;
/** The fewest reports, and the least span of them (hours), a climb is read from. */
export const TREND_MIN_REPORTS = 4;
export const TREND_MIN_SPAN_HOURS = 0.4;
/** The slope must stand this many of its standard errors above zero. */
export const TREND_MIN_T = 3;
/**
 * The rate now (reportedLevel) must be at least this multiple of the usual at its minute, as the hours' rise asks
 * (surge-rise.ts, RISE_MIN_MULTIPLE): with no such gate, at a report every 5 site-minutes, the service centres'
 * mornings and the sea ports' ferries read as climbs (bench/early-warning.mjs, 2 days: 38 of 42 false alarms).
 * 1.5 was tried (a climb over several reports being firmer evidence than two readings an hour apart): replayed on
 * two kept weeks (bench/early-warning-misses.mjs) it predicted 5 of 58 warnable episodes an hour ahead where 2
 * predicted 2, but 40 of the 57 false alarms of those runs where 2 raised 28 — not kept.
 */
export const TREND_MIN_MULTIPLE = 2;
/**
 * At a land crossing the climb is read from this multiple instead: its traffic comes a car or a bus at a time around
 * the clock, with no opening and no timetable (its forecast interval is ±5 %), and a convoy's climb there stays at
 * 1.3–1.4× the usual until its queue has formed. With 2 the crossings' surges were warned of 1–4 times in 5–6 a week;
 * with 1.25 in one week, 5 of 6, one false alarm at a crossing (bench/early-warning.mjs, docs/benchmarks.md).
 */
export const TREND_MIN_MULTIPLE_LAND = 1.25;

/** The least multiple of the usual a climb is read from at a site of this kind. */
export const trendMinMultiple = (kind: SiteKind): number => (kind === 'land' ? TREND_MIN_MULTIPLE_LAND : TREND_MIN_MULTIPLE);
/**
 * A site whose interval is wider than this share of its usual (its hours come a planeload or a ferry at a time) has
 * no climb read: as surge-rise.ts's RISE_MAX_RELATIVE_WIDTH for the hours.
 */
export const TREND_MAX_RELATIVE_WIDTH = 1;

export interface TrendInput {
  /** The site's recent reports, oldest first; the last is the latest. */
  reports: readonly RecentReport[];
  /** The usual arrivals at a moment (ms), as the forecast has them. */
  usualAt: (atMs: number) => number;
  /** The latest report's rate and the usual at its minute. */
  reported: number;
  usual: number;
  /** The latest report's travellers an hour beyond the usual band (0 within it). */
  excessNow: number;
  /** The count's own spread at the usual (errorScale): a climb within it is chatter. */
  spread: number;
  /** The least multiple of the usual the rate now must be for a climb to count (trendMinMultiple). */
  minMultiple: number;
}

/** The straight line through (x, y): its slope and the slope's standard error (undefined with fewer than 3 points or no spread in x). */
export function fitLine(points: readonly { x: number; y: number }[]): { slope: number; slopeError: number } | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
  }
  if (!(sxx > 0)) return undefined;
  const slope = sxy / sxx;
  const residuals = points.reduce((s, p) => s + (p.y - my - slope * (p.x - mx)) ** 2, 0);
  return { slope, slopeError: Math.sqrt(residuals / (n - 2) / sxx) };
}

/** The reports the climb is read from: the window's, since the site last opened. */
export function trendReports(reports: readonly RecentReport[]): RecentReport[] {
  const latest = reports.at(-1);
  if (!latest) return [];
  const inWindow = reports.filter((r) => r.atMs >= latest.atMs - TREND_WINDOW_HOURS * 3_600_000);
  let from = inWindow.length;
  while (from > 0 && inWindow[from - 1]!.open) from--;
  return inWindow.slice(from);
}

/**
 * Travellers an hour the climb adds per hour: 0 when the reports show none to
 * carry, undefined when they are too few to say (the caller falls back on the hours).
 */
export function reportedRisePerHour(input: TrendInput): number | undefined {
  const used = trendReports(input.reports);
  if (used.length < TREND_MIN_REPORTS) return undefined;
  const spanHours = (used.at(-1)!.atMs - used[0]!.atMs) / 3_600_000;
  if (spanHours < TREND_MIN_SPAN_HOURS) return undefined;
  const fit = fitLine(used.map((r) => ({ x: (r.atMs - used[0]!.atMs) / 3_600_000, y: r.arrivalsPerHour - input.usualAt(r.atMs) })));
  if (!fit || !(input.excessNow > 0) || !(fit.slope > 0) || input.reported < input.minMultiple * input.usual) return 0;
  const climbs = fit.slope * spanHours > input.spread && fit.slope >= TREND_MIN_T * fit.slopeError;
  return climbs ? fit.slope : 0;
}

/** The span (hours) of reports whose mean stands for the rate now, where the site sends enough of them. */
export const LEVEL_WINDOW_HOURS = 0.5;
/** The fewest reports in it for their mean to stand in for the latest. */
export const LEVEL_MIN_REPORTS = 3;

/**
 * The arrivals rate now, as the nowcast sets it against the usual band: the mean of the reports of the last
 * LEVEL_WINDOW_HOURS (since the site last opened), or undefined with too few (the latest report decides). One
 * report every few minutes catches a ferry's or a planeload's peak as often as not, and read alone it carried that
 * peak ahead: at a report every 5 site-minutes the sea ports' false alarms went from 2 to 12 in a week.
 */
export function reportedLevel(reports: readonly RecentReport[]): number | undefined {
  const latest = reports.at(-1);
  if (!latest) return undefined;
  const used = trendReports(reports).filter((r) => r.atMs > latest.atMs - LEVEL_WINDOW_HOURS * 3_600_000);
  return used.length >= LEVEL_MIN_REPORTS ? used.reduce((s, r) => s + r.arrivalsPerHour, 0) / used.length : undefined;
}
