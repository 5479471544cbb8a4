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
// - its tail, a rate that fell report on report since such a jump, and fell
//   far enough: the rate now is the latest report, and what lies beyond the
//   usual fades ahead at the pace it is falling, never slower than the
//   nowcast's own half-life.
// A surge's next flight lands on a rate still beyond the band: neither head
// nor tail, it is read as before. Pure.
import type { RecentReport } from '../store/recent-report-store.js';
import { trendReports } from './report-trend.js';

/** The fewest steps (report to report) since the burst's peak that must each fall. */
export const FALL_MIN_STEPS = 2;
/** Since its peak the rate must have fallen to at most this share of it. */
export const FALL_MAX_SHARE = 0.75;

/**
 * The factor per hour at which a lone burst's rate is falling (below 1): the
 * reports since the site last opened fell at every step since their peak, at
 * least FALL_MIN_STEPS of them and to FALL_MAX_SHARE of the peak or less, and
 * the peak had jumped beyond `upper` (the usual band's top) from a report
 * within it. Undefined otherwise: not falling, too few reports, a rate that
 * reached nothing — or a peak that rose from a rate already beyond the band:
 * a surge's next flight landing on the last one's tail (a regional airport's
 * surge, a plane every half hour, falls between them for two or three
 * reports, and read as tails the warning cleared before its breach).
 */
export function fallingPace(reports: readonly RecentReport[], upper: number): number | undefined {
  const used = trendReports(reports);
  let peak = used.length - 1;
  while (peak > 0 && used[peak]!.arrivalsPerHour < used[peak - 1]!.arrivalsPerHour) peak--;
  const before = used[peak - 1];
  const [top, last] = [used[peak]!, used.at(-1)!];
  if (used.length - 1 - peak < FALL_MIN_STEPS || before === undefined || before.arrivalsPerHour > upper || top.arrivalsPerHour <= upper) return undefined;
  const share = last.arrivalsPerHour / top.arrivalsPerHour;
  const hours = (last.atMs - top.atMs) / 3_600_000;
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
