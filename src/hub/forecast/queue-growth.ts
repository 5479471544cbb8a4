// The queue itself as the early warning's evidence: a queue that is longer at
// nearly every report than at the one before, for the last forty minutes, is
// a hall whose desks are not keeping up — whatever the arrivals counter says.
// The arrivals forecast sees a surge late where travellers come a planeload or
// a ferry at a time (the counter jumps with each and falls between, and one
// more bank than usual is within the hour's ordinary spread) and at a land
// crossing whose climb is under twice the usual (report-trend.ts does not
// read it); the queue shows both at once. A planeload's own queue jumps once
// and then shortens report on report, so it is no growth; a service centre's
// morning queue stands rather than grows.
//
// Read back on kept weeks of the demo (bench/early-warning.mjs --keep, three
// weeks, reports every 5 site-minutes), growth at every report warned 8–12 of
// 27–29 warnable surge episodes an hour ahead with 10–15 % of its warnings
// false, where the arrivals forecast alone warned 0–1; a share of 70 % rising
// reports instead of 80 % added a hit or two and doubled the false ones. The
// same rule read only every 30 site-minutes warned 0–3: it must be read as the
// reports come (early-warning.ts scans for it between the fleet's evaluations).
//
// The projection is the queue's own: its growth over the window, or over the
// window's later half when that is faster (a surge's queue grows faster as it
// builds), carried on for QUEUE_GROWTH_AHEAD_HOURS at the minutes of wait the
// site reports per person queueing now. Pure.
import type { ScenarioHour, SiteKind } from '../../core/model.js';
import type { RecentReport } from '../store/recent-report-store.js';
import { trendReports } from './report-trend.js';
import { round1 } from './scenario.js';

/** How far back the growth is read (hours). */
export const QUEUE_GROWTH_WINDOW_HOURS = 40 / 60;
/** The fewest reports in the window, and the least share of its span they must cover. */
export const QUEUE_GROWTH_MIN_REPORTS = 6;
export const QUEUE_GROWTH_MIN_SPAN_SHARE = 0.7;
/** The share of report-to-report steps in which the queue must have grown. */
export const QUEUE_GROWTH_RISING_SHARE = 0.8;
/**
 * Where travellers come one by one (a land crossing's cars and buses, a service centre's callers, the 992 line's
 * calls), the most of the window's rise one report-to-report step may hold: more, and the rise is one wave that came
 * in at once (a service centre's queue at its second opening, 5 to 20 people between two reports, then standing
 * near its target), not desks falling behind. Replayed on two kept weeks (bench/early-warning-growth-study.mjs),
 * 5 and 5 of the growth rule's 7 and 8 warnings with no breach were such waves at service centres, and no warned
 * land surge rose that way. Airports and sea ports are not read so: their surges come a planeload or a ferry at
 * a time, each a step, and the same rule there lost most of the growth's first warnings of air surges.
 */
export const QUEUE_GROWTH_MAX_STEP_SHARE = 0.5;
/**
 * Where travellers come in loads, the most of the window's rise the latest step may hold: more, and the rise is a
 * load that has just landed (a planeload on a hall with a few people in it) — its travellers are the queue now, and
 * whether the desks fall behind it shows at the next report (as rate-burst.ts reads a lone jump in the arrivals).
 * Replayed on two kept weeks, it let pass 4 of 4 growth warnings with no breach at a regional airport (AHB) and
 * put two air surges' first growth warnings one report later, both still an hour ahead.
 */
export const QUEUE_GROWTH_MAX_LAST_STEP_SHARE = 0.5;
/** Site kinds whose travellers come in loads by timetable (their queues rise in steps). */
const ARRIVE_IN_LOADS: readonly SiteKind[] = ['air', 'sea'];
/** Below this wait (minutes) or queue (people) nothing is read: a few people more or less is no trend. */
export const QUEUE_GROWTH_MIN_WAIT_MINUTES = 5;
export const QUEUE_GROWTH_MIN_QUEUE = 5;
/**
 * How far ahead the growth is carried (hours). An hour breaches when its mean wait is over target — on a steady climb,
 * the wait at its middle — so a warning an hour ahead of such an hour must carry the growth to that middle: an hour
 * and a half. Carried one hour, it reached only the hour's start, and land surges' queues were warned of 5–15 minutes
 * after the hour a warning was needed by (bench/early-warning-growth-study.mjs on two kept weeks: +3 warnable episodes
 * warned, one more warning with no breach). Further, a queue this young says little about what comes.
 */
export const QUEUE_GROWTH_AHEAD_HOURS = 1.5;

export interface QueueGrowth {
  /** The latest report's time (ms, the site's clock). */
  atMs: number;
  /** People the queue grows by an hour. */
  perHour: number;
  /** The queue now, and the wait each person in it adds (minutes), as the site reports them. */
  queue: number;
  minutesPerPerson: number;
}

const growthBetween = (from: RecentReport, to: RecentReport): number => (to.queueLength - from.queueLength) / ((to.atMs - from.atMs) / 3_600_000);

/** The queue's growth, when the reports show it growing steadily; undefined otherwise. Without the site's kind, neither wave rule applies (oneWave): the steady-growth test alone. */
export function queueGrowth(reports: readonly RecentReport[], kind?: SiteKind): QueueGrowth | undefined {
  const latest = reports.at(-1);
  if (!latest || latest.waitMinutes < QUEUE_GROWTH_MIN_WAIT_MINUTES || latest.queueLength < QUEUE_GROWTH_MIN_QUEUE) return undefined;
  const window = trendReports(reports).filter((r) => r.atMs >= latest.atMs - QUEUE_GROWTH_WINDOW_HOURS * 3_600_000);
  if (window.length < QUEUE_GROWTH_MIN_REPORTS) return undefined;
  const first = window[0]!;
  if (latest.atMs - first.atMs < QUEUE_GROWTH_MIN_SPAN_SHARE * QUEUE_GROWTH_WINDOW_HOURS * 3_600_000) return undefined;
  let rising = 0;
  for (let i = 1; i < window.length; i++) if (window[i]!.queueLength > window[i - 1]!.queueLength) rising++;
  if (rising < QUEUE_GROWTH_RISING_SHARE * (window.length - 1)) return undefined;
  if (kind !== undefined && oneWave(window, ARRIVE_IN_LOADS.includes(kind))) return undefined;
  const middle = window.filter((r) => r.atMs <= latest.atMs - (latest.atMs - first.atMs) / 2).at(-1);
  const perHour = Math.max(growthBetween(first, latest), middle && middle !== first ? growthBetween(middle, latest) : 0);
  if (!(perHour > 0)) return undefined;
  return { atMs: latest.atMs, perHour, queue: latest.queueLength, minutesPerPerson: latest.waitMinutes / latest.queueLength };
}

/**
 * Whether the window's rise is one wave rather than a growth: where travellers come in loads, its latest step holds
 * more than QUEUE_GROWTH_MAX_LAST_STEP_SHARE of it; where they come one by one, any step more than QUEUE_GROWTH_MAX_STEP_SHARE.
 */
function oneWave(window: readonly RecentReport[], inLoads: boolean): boolean {
  const rise = window.at(-1)!.queueLength - window[0]!.queueLength;
  const step = (i: number) => window[i]!.queueLength - window[i - 1]!.queueLength;
  if (inLoads) return step(window.length - 1) > QUEUE_GROWTH_MAX_LAST_STEP_SHARE * rise;
  let largest = 0;
  for (let i = 1; i < window.length; i++) largest = Math.max(largest, step(i));
  return largest > QUEUE_GROWTH_MAX_STEP_SHARE * rise;
}

/** The wait (minutes) the growth leads to `hoursAhead` after its report, carried at most QUEUE_GROWTH_AHEAD_HOURS. */
export function grownWaitMinutes(growth: QueueGrowth, hoursAhead: number): number {
  const ahead = Math.min(QUEUE_GROWTH_AHEAD_HOURS, Math.max(0, hoursAhead));
  return growth.minutesPerPerson * (growth.queue + growth.perHour * ahead);
}

/**
 * The hours ahead with the growth's breach in them: each hour that starts
 * within QUEUE_GROWTH_AHEAD_HOURS of the report and whose wait the growth
 * takes over the target by the hour's end (or by the end of the carry) is a
 * breach at least that long, advised the counters that would stop the growth
 * (one per `counterServiceRate` people an hour it grows by, up to the hour's
 * most). Hours the model already sees worse are left as they are.
 */
export function withQueueGrowth(hours: readonly ScenarioHour[], growth: QueueGrowth | undefined, targetMinutes: number, counterServiceRate: number): ScenarioHour[] {
  if (!growth) return [...hours];
  const carriedTo = growth.atMs + QUEUE_GROWTH_AHEAD_HOURS * 3_600_000;
  return hours.map((h) => {
    const start = Date.parse(h.at);
    if (!(start < carriedTo)) return h;
    const wait = grownWaitMinutes(growth, (Math.min(start + 3_600_000, carriedTo) - growth.atMs) / 3_600_000);
    if (wait <= targetMinutes) return h;
    const needed = h.countersOpen + (counterServiceRate > 0 ? Math.ceil(growth.perHour / counterServiceRate) : Infinity);
    return {
      ...h,
      waitMinutes: h.waitMinutes === null ? null : Math.max(h.waitMinutes, round1(wait)),
      breach: true,
      countersAdvised: Math.max(h.countersAdvised, Math.min(h.maxCounters, needed)),
      advisedWithinTarget: h.advisedWithinTarget && needed <= h.maxCounters,
    };
  });
}
