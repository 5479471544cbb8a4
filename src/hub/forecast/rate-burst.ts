// A burst in a site's counter rate (arrivals over its last half hour or so):
// a planeload or a ferry lands at once, the rate jumps, and then falls with
// every report as the burst leaves the window while nobody more comes. Read
// as a level (the mean of the last half hour, report-trend.ts) and carried
// ahead with the nowcast's four-hour half-life, such a burst was taken for
// traffic that would keep coming: on the kept weeks of bench/early-warning.mjs
// a regional airport's one unusual flight, its queue already shrinking, was
// predicted to wait 400 minutes for five hours, and another's was warned of
// on the report it landed (4–8 false alarms a week at airports and sea ports).
// So the burst's two ends are read for what they are:
// - its head, a lone jump (the report before within the usual band, this one
//   beyond it): the travellers it counts are in the queue the model carries;
//   nothing yet says more are coming, and the next report will;
// - its tail, a rate that fell report on report and fell far enough: the rate
//   now is the latest report, and what lies beyond the usual fades ahead at
//   the pace it is falling, never slower than the nowcast's own half-life.
// A surge's next flight lands on a rate still beyond the band and is read as
// before. Pure.
import type { RecentReport } from '../store/recent-report-store.js';
import { trendReports } from './report-trend.js';

/** The fewest steps (report to report) that must each fall. */
export const FALL_MIN_STEPS = 2;
/** Over those steps the rate must have fallen to at most this share of where they began. */
export const FALL_MAX_SHARE = 0.75;

/**
 * The factor per hour at which the rate is falling (below 1), when the last
 * FALL_MIN_STEPS steps since the site last opened each fell and together
 * fell to FALL_MAX_SHARE or less; undefined otherwise (not falling, too few
 * reports, a rate that reached nothing).
 */
export function fallingPace(reports: readonly RecentReport[]): number | undefined {
  const used = trendReports(reports).slice(-(FALL_MIN_STEPS + 1));
  if (used.length < FALL_MIN_STEPS + 1) return undefined;
  for (let i = 1; i < used.length; i++) if (!(used[i]!.arrivalsPerHour < used[i - 1]!.arrivalsPerHour)) return undefined;
  const first = used[0]!;
  const last = used.at(-1)!;
  const share = last.arrivalsPerHour / first.arrivalsPerHour;
  const hours = (last.atMs - first.atMs) / 3_600_000;
  if (!(share > 0) || share > FALL_MAX_SHARE || !(hours > 0)) return undefined;
  return share ** (1 / hours);
}

/** Whether the latest report jumped beyond `upper` (the usual band's top) from a report within it: a burst's head. */
export function loneJump(reports: readonly RecentReport[], upper: number): boolean {
  const used = trendReports(reports);
  const [previous, latest] = [used.at(-2), used.at(-1)];
  return previous !== undefined && latest !== undefined && latest.arrivalsPerHour > upper && previous.arrivalsPerHour <= upper;
}

/** The excess `hoursAhead` on, faded at the falling pace (the caller's own fade when that is faster). */
export const fadedAtPace = (excess: number, pace: number, hoursAhead: number): number => excess * pace ** Math.max(0, hoursAhead);
