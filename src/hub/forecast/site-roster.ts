// The counters a site will have open in the hours ahead, as the early warning
// expects them. Two things are known about a roster without reading any
// simulator: sites roster their desks by the hour (what they opened at that
// hour before), and a directorate staffs each site for its ordinary demand —
// the hours the forecast expects, with its usual seasons. So an hour ahead
// has at least the desks the site's forecast demand needs (the staffing
// advice, within its working desks and officers on duty); what a roster cannot
// foresee is demand above that forecast (a surge the nowcast sees) or desks
// and gates lost to faults, and those are what the warning is for. Without
// this, a day busier than yesterday (a Thursday at a land crossing) or a site
// with one day of history warned of breaches its roster was drawn up to avoid.
// And a site that has opened desks for the travellers coming in keeps them
// while they keep coming (keptOpen): a regional airport that opened its four
// desks as a flight landed was predicted back on yesterday's one for the
// hours after, with the same planeload still queueing, and warned of waits of
// hours that never came (BHH: 113–548 min predicted on one desk, 16–27
// recorded on the four it kept open).
import type { SiteTelemetry } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { hourOf, readFlowHours, HOUR_MS } from '../telemetry/flow-history.js';
import type { ScenarioModel } from './scenario.js';
import { adviseCounters } from './staffing.js';

/**
 * The counters a site will have open in each hour ahead by its history: as
 * reported now for the current hour; after it, as many as it opened at that
 * hour the day before (sites roster their desks by the hour) — or, when it
 * had none open then (a service centre's day off), at that hour a week
 * before; with no report in that hour yesterday, at that hour a week before,
 * else in the hour beside it yesterday (rosters change by the hour, not at
 * random), else at that hour on the latest day that has it — else as now;
 * never more than its working desks. None rostered means closed.
 */
export async function rosteredCounters(store: StoreReader, latest: SiteTelemetry, hours: number, maxCounters: number): Promise<number[]> {
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
 * The desks a roster drawn up for the forecast hour opens: the fewest that
 * keep its forecast demand within the wait target (staffing.ts), with the
 * gates as they are now, within the working desks and the officers on duty
 * (when the site says). None for an hour the forecast expects nobody.
 */
export function staffedForForecast(arrivalsPerHour: number, latest: SiteTelemetry, maxCounters: number, model: ScenarioModel): number {
  if (!(arrivalsPerHour > 0)) return 0;
  const cap = Math.max(0, Math.min(maxCounters, latest.officersOnDuty ?? maxCounters));
  const input = { arrivalsPerHour, egatesInService: latest.egatesInService, maxCounters: cap, waitTargetMinutes: model.waitTargetMinutes };
  return adviseCounters(input, model.params).counters;
}

/**
 * The desks open now, kept while the hours ahead need them: a site that has
 * opened desks for the travellers coming in (a regional airport as a flight
 * lands, where yesterday's roster for the hour had one) does not close them
 * on the hour with the load still coming. So each hour ahead rostered open
 * has at least as many of the desks open now as its predicted arrivals need
 * (staffedForForecast) — never more than are open now: desks beyond them are
 * what the warning advises. After an hour rostered shut, nothing is kept.
 */
export function keptOpen(rostered: readonly number[], arrivals: readonly number[], latest: SiteTelemetry, maxCounters: number, model: ScenarioModel): number[] {
  let open = true;
  return rostered.map((n, i) => {
    open &&= n > 0;
    if (i === 0 || !open || n >= latest.countersOpen) return n;
    return Math.max(n, Math.min(latest.countersOpen, staffedForForecast(arrivals[i]!, latest, maxCounters, model)));
  });
}
