// A check of the queueing model against the site's own record. The model
// (Erlang C with a carried queue, on the counters the site rostered) is a
// model: at some sites and hours it runs pessimistic — the demo's service
// centres reach a 20-odd-minute wait at their morning peak day after day, and
// the model put that peak at 35 to 45 minutes; a regional airport opens desks
// as each flight lands, where the model saw the one desk of the hour before —
// so those sites were warned of every ordinary peak (nine false alarms in ten
// across the fleet). A site whose history shows it took as many travellers an
// hour (with HANDLED_MARGIN to spare) with no more counters than it has
// working, and its wait within target, is not going to breach on that load; a
// surge is exactly a load the site has not taken before. So an hour's
// predicted breach stands only when its arrivals are beyond what the site has
// handled, or an earlier hour of the window's already were (the queue they
// leave carries on), or the site reports a wait over target now. An hour
// within target whose next one breached handled nothing: its queue was
// building (a past surge's first hours). Pure.
import type { ScenarioHour } from '../../core/model.js';
import type { FlowHour } from '../telemetry/flow-history.js';

/** Days back over which a wait over target now is checked against the same hour's record (usuallyRecovers). */
export const RECOVERY_DAYS = 7;

/** How near the target (a share of it) a report must have come for the hour to count as one the site recovered from. */
export const RECOVERY_NEAR_SHARE = 0.9;
/**
 * Or how near the target (a share of it) the hour's own mean ran: a site whose hour runs at 21–28 minutes of a
 * 30-minute target day after day is at its target as a matter of course, whether or not one of its reports came
 * within RECOVERY_NEAR_SHARE (the demo's service centres' mornings peak at 22–28 minutes at a report every 5 site-
 * minutes, and a report just over target there opened warnings on the hours after it, none followed by a breach).
 * Replayed on five kept weeks (bench/early-warning-misses.mjs), 9 of their 23 false alarms were still predicted at
 * their first report where 23 were, and each week's warnable episodes predicted at the last report an hour ahead
 * stayed as they were (5). An airport's usual hour (a mean of 4–12 minutes) is nowhere near it.
 */
export const RECOVERY_MEAN_SHARE = 0.7;

/**
 * Whether the site's wait reaches the target at this hour as a matter of course
 * and comes back within it: on at least half the days it reported in the same
 * hour (`sameHours`, one a day, the days it was open), some report came within RECOVERY_NEAR_SHARE of
 * the target or over it or the hour's mean came within RECOVERY_MEAN_SHARE of it, and the hour's mean stayed within it (a centre whose
 * mornings peak at 27–38 minutes as its week fills). Then a report over target now is that ordinary peak — a
 * service centre's queue at its doors as it opens, its morning rush — and
 * says nothing the handled load does not; at a regional airport swamped by a
 * surge it is not (bench/early-warning.mjs: read as "over target now" at every
 * site, it let 8–13 service centres' mornings a week stand as warnings; not
 * read at all, warnings of surges came later: 8–10 warned an hour ahead
 * instead of 13–15 of 26–29).
 */
export function usuallyRecovers(sameHours: readonly Pick<FlowHour, 'reports' | 'waitMaxMinutes' | 'waitMeanMinutes' | 'countersOpen' | 'egatesInService'>[], waitTargetMinutes: number): boolean {
  // A day the site was shut at the hour (a service centre's weekend: it reports, with nothing open) says nothing of its peak.
  const seen = sameHours.filter((h) => h.reports > 0 && h.countersOpen + h.egatesInService >= 0.5);
  const near = (h: (typeof seen)[number]) => h.waitMaxMinutes >= RECOVERY_NEAR_SHARE * waitTargetMinutes || h.waitMeanMinutes >= RECOVERY_MEAN_SHARE * waitTargetMinutes;
  const recovered = seen.filter((h) => near(h) && h.waitMeanMinutes <= waitTargetMinutes);
  return seen.length > 0 && recovered.length * 2 >= seen.length;
}

/** Most arrivals an hour of the history took within the wait target, by counters open (index: at most that many). */
export type HandledLoad = readonly number[];

/**
 * From the site's hours, oldest first. An hour within target whose next hour
 * breached did not handle its load: its queue was building (the first hours
 * of a surge are such hours), so it is left out.
 */
export function handledLoad(hours: readonly Pick<FlowHour, 'hour' | 'reports' | 'arrivalsPerHour' | 'countersOpen' | 'waitMeanMinutes'>[], waitTargetMinutes: number): HandledLoad {
  const most: number[] = [];
  const over = new Set(hours.filter((h) => h.reports > 0 && h.waitMeanMinutes > waitTargetMinutes).map((h) => h.hour));
  for (const h of hours) {
    if (h.reports === 0 || over.has(h.hour) || over.has(h.hour + 1)) continue;
    const c = Math.round(h.countersOpen);
    while (most.length <= c) most.push(0);
    most[c] = Math.max(most[c]!, h.arrivalsPerHour);
  }
  // With more counters open a site takes at least what it took with fewer.
  for (let c = 1; c < most.length; c++) most[c] = Math.max(most[c]!, most[c - 1]!);
  return most;
}

/** The arrivals an hour with `counters` open has been seen to take within target (0 with no such hour). */
export const handledAt = (load: HandledLoad, counters: number): number => (load.length === 0 ? 0 : load[Math.min(load.length - 1, Math.max(0, counters))]!);

/** A load within this share above the most the site has handled counts as handled (an hour's mean is itself a sample). */
export const HANDLED_MARGIN = 0.1;

/** The hours with each breach on a load the site has handled cleared, up to the first hour beyond it; all as they were when the site waits over target now. */
export function breachesBeyondHandled(hours: readonly ScenarioHour[], load: HandledLoad, overTargetNow: boolean): ScenarioHour[] {
  if (overTargetNow) return [...hours];
  let beyond = false;
  return hours.map((h) => {
    beyond ||= h.arrivalsPerHour > handledAt(load, h.maxCounters) * (1 + HANDLED_MARGIN);
    return h.breach && !beyond ? { ...h, breach: false } : h;
  });
}
