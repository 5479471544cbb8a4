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
// - its head, a lone jump (the report before within the usual band and its
//   hall nearly clear, this one beyond the band): the travellers it counts
//   are in the queue the model carries; nothing yet says more are coming,
//   and the next report will;
// - its tail, a rate that fell report on report since such a jump, and fell
//   far enough: the rate now is the latest report, and what lies beyond the
//   usual fades ahead at the pace it is falling, never slower than the
//   nowcast's own half-life.
// A surge's next flight lands on a rate still beyond the band or a hall still
// clearing the last: neither head nor tail, it is read as before. Pure.
import type { RecentReport } from '../store/recent-report-store.js';
import { trendReports } from './report-trend.js';

/** The fewest steps (report to report) since the burst's peak that must each fall. */
export const FALL_MIN_STEPS = 2;
/** Since its peak the rate must have fallen to at most this share of it. */
export const FALL_MAX_SHARE = 0.75;

/** A burst lands alone on a hall whose wait, the report before it, was under this share of the target. */
export const ALONE_WAIT_SHARE = 1 / 3;

/**
 * Whether `top` is a burst that landed alone: it jumped beyond `upper` (the
 * usual band's top) from `before`, a report within the band whose wait was
 * under ALONE_WAIT_SHARE of the target. A surge's next flight lands on the
 * last one's tail — the rate still beyond the band, or the hall still
 * clearing its queue (a regional airport's surge, a plane every half hour:
 * 36–57 waiting at 11–17 minutes as the next landed) — and is no lone burst.
 * (A lone one's own first travellers may already queue a few minutes as its
 * rate jumps: 15 waiting at 8 minutes.)
 */
export function landsAlone(before: RecentReport | undefined, top: RecentReport, upper: number, waitTargetMinutes: number): boolean {
  return before !== undefined && top.arrivalsPerHour > upper && before.arrivalsPerHour <= upper && before.waitMinutes < ALONE_WAIT_SHARE * waitTargetMinutes;
}

/**
 * The factor per hour at which a lone burst's rate is falling (below 1): the
 * reports since the site last opened fell at every step since their peak, at
 * least FALL_MIN_STEPS of them and to FALL_MAX_SHARE of the peak or less, and
 * the peak landed alone (landsAlone). Undefined otherwise: not falling, too
 * few reports, a rate that reached nothing, a surge's flights (read as tails,
 * the warning of one cleared before its breach).
 */
export function fallingPace(reports: readonly RecentReport[], upper: number, waitTargetMinutes: number): number | undefined {
  const used = trendReports(reports);
  let peak = used.length - 1;
  while (peak > 0 && used[peak]!.arrivalsPerHour < used[peak - 1]!.arrivalsPerHour) peak--;
  const [top, last] = [used[peak]!, used.at(-1)!];
  if (used.length - 1 - peak < FALL_MIN_STEPS || !landsAlone(used[peak - 1], top, upper, waitTargetMinutes)) return undefined;
  const share = last.arrivalsPerHour / top.arrivalsPerHour;
  const hours = (last.atMs - top.atMs) / 3_600_000;
  if (!(share > 0) || share > FALL_MAX_SHARE || !(hours > 0)) return undefined;
  return share ** (1 / hours);
}

/** Whether the latest report is a burst that landed alone (landsAlone): a burst's head. */
export function loneJump(reports: readonly RecentReport[], upper: number, waitTargetMinutes: number): boolean {
  const used = trendReports(reports);
  const latest = used.at(-1);
  return latest !== undefined && landsAlone(used.at(-2), latest, upper, waitTargetMinutes);
}

/** The excess `hoursAhead` on, faded at the falling pace (the caller's own fade when that is faster). */
export const fadedAtPace = (excess: number, pace: number, hoursAhead: number): number => excess * pace ** Math.max(0, hoursAhead);
