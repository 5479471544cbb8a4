// The queueing model's bias at one site, measured on its own record. Erlang C
// with a carried queue is a model: at the demo's service centres it put the
// morning peak at 35 to 45 minutes where the centres ran at 22 to 26, day
// after day (their kiosks and queue marshals do what no Erlang server does),
// and every ordinary peak was warned of. So the model is replayed over the
// site's history — each recorded hour's own arrivals, counters and e-gates,
// its queue carried hour to hour as ahead (queue-carry.ts) — and set against
// the wait the site recorded in that hour: per hour of the day, the ratio of
// recorded to predicted minutes, with WAIT_BIAS_PRIOR_MINUTES added to both
// sides so that a few hours of evidence move it little (shrunk toward 1),
// within WAIT_BIAS_BOUNDS. Only hours the model saw a queue in count (below
// WAIT_BIAS_MIN_MINUTES it says nothing either way). A surge is a load the
// site has not seen: scaled by the same ratio, its wait still climbs past the
// target. Pure: hours in, ratios out.
import type { ScenarioHour } from '../../core/model.js';
import { HOUR_MS, hourOfDay, type FlowHour } from '../telemetry/flow-history.js';
import { predictCarried } from './queue-carry.js';
import type { ScenarioModel } from './scenario.js';

/** Minutes added to both sides of an hour of the day's ratio: about two hours at the target's wait. */
export const WAIT_BIAS_PRIOR_MINUTES = 60;
/** Hours the model predicts less than this wait for (minutes) are not evidence of its bias. */
export const WAIT_BIAS_MIN_MINUTES = 5;
/** The correction stays within these factors (a bad week of reports must not hush a site or page it). */
export const WAIT_BIAS_BOUNDS = { min: 0.5, max: 1.5 } as const;

/** The factor for each hour of the day (UTC: a site's offset is fixed, so its hours of the day are too). */
export type WaitBias = readonly number[];

export const NO_WAIT_BIAS: WaitBias = Array.from({ length: 24 }, () => 1);

/** The site's ratios from its hours (oldest first): the model replayed on each run of consecutive reported hours. */
export function waitBias(history: readonly Pick<FlowHour, 'hour' | 'reports' | 'arrivalsPerHour' | 'countersOpen' | 'egatesInService' | 'waitMeanMinutes'>[], model: ScenarioModel): WaitBias {
  const recorded = Array.from({ length: 24 }, () => 0);
  const predicted = Array.from({ length: 24 }, () => 0);
  let run: typeof history[number][] = [];
  const replay = () => {
    const hours = run.map((h) => ({
      at: new Date(h.hour * HOUR_MS).toISOString(),
      arrivalsPerHour: h.arrivalsPerHour,
      countersOpen: Math.round(h.countersOpen),
      egatesInService: Math.round(h.egatesInService),
      maxCounters: Math.round(h.countersOpen),
    }));
    predictCarried(hours, model, 0).forEach((p, i) => {
      if (p.waitMinutes === null || p.waitMinutes < WAIT_BIAS_MIN_MINUTES) return;
      const d = hourOfDay(run[i]!.hour);
      recorded[d]! += run[i]!.waitMeanMinutes;
      predicted[d]! += p.waitMinutes;
    });
    run = [];
  };
  for (const h of history) {
    if (h.reports === 0) continue;
    if (run.length > 0 && h.hour !== run.at(-1)!.hour + 1) replay();
    run.push(h);
  }
  replay();
  return recorded.map((r, d) => Math.min(WAIT_BIAS_BOUNDS.max, Math.max(WAIT_BIAS_BOUNDS.min, (r + WAIT_BIAS_PRIOR_MINUTES) / (predicted[d]! + WAIT_BIAS_PRIOR_MINUTES))));
}

/** The hours' predicted waits scaled by their hour of the day's factor, each breach judged again on the scaled wait. */
export function correctWaits(hours: readonly ScenarioHour[], bias: WaitBias, waitTargetMinutes: number): ScenarioHour[] {
  return hours.map((h) => {
    if (h.waitMinutes === null) return h;
    const waitMinutes = Math.round(h.waitMinutes * bias[hourOfDay(Math.floor(Date.parse(h.at) / HOUR_MS))]! * 10) / 10;
    return { ...h, waitMinutes, breach: !(waitMinutes <= waitTargetMinutes) };
  });
}
