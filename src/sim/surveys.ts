// Travellers' satisfaction surveys in the demo world: a few of those a site
// clears answer (kiosk at the exit, the app, an SMS after the crossing), and
// how satisfied they are follows the wait they just had — a short wait
// mostly scores 4 or 5, a long one drags the share down — so the
// satisfaction KPI moves with the queues as it would at a real border.
// Pure: the step's telemetry, the time step and a random stream in, answers out.
import type { SiteTelemetry, SurveyAnswer, SurveyChannel } from '../core/model.js';
import { poisson, type Rng } from './rng.js';

/** One traveller in this many answers a survey. */
export const SURVEY_RESPONSE_RATE = 1 / 400;
// Satisfied (4 or 5) with no wait, less by this much per minute waited, never below the floor.
const SATISFIED_AT_NO_WAIT = 0.985;
const LESS_PER_MINUTE = 0.004;
const SATISFIED_FLOOR = 0.35;
const CHANNELS: readonly [SurveyChannel, number][] = [
  ['kiosk', 0.5],
  ['app', 0.25],
  ['sms', 0.2],
  ['web', 0.05],
];

/** The chance a traveller who waited `waitMinutes` answers 4 or 5. */
export function satisfiedChance(waitMinutes: number): number {
  return Math.max(SATISFIED_FLOOR, SATISFIED_AT_NO_WAIT - LESS_PER_MINUTE * waitMinutes);
}

function channelOf(rng: Rng): SurveyChannel {
  let u = rng.next();
  for (const [channel, weight] of CHANNELS) {
    if (u < weight) return channel;
    u -= weight;
  }
  return 'kiosk';
}

function scoreOf(rng: Rng, waitMinutes: number): number {
  if (rng.next() < satisfiedChance(waitMinutes)) return rng.next() < 0.6 ? 5 : 4;
  return 1 + Math.floor(rng.next() * 3);
}

/** The answers given over a step of `dtSeconds` ending at each report's time. */
export function surveyAnswers(telemetry: readonly SiteTelemetry[], dtSeconds: number, rng: Rng): SurveyAnswer[] {
  const dtHours = dtSeconds / 3600;
  return telemetry.flatMap((t) => {
    const cleared = (t.processedPerHour ?? 0) * dtHours;
    const count = cleared > 0 ? poisson(rng, cleared * SURVEY_RESPONSE_RATE) : 0;
    return Array.from({ length: count }, () => ({ siteId: t.siteId, score: scoreOf(rng, t.waitMinutes), channel: channelOf(rng), at: t.at }));
  });
}
