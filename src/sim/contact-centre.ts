// The 992 contact centre in the demo world: the line as a site of its own
// (not in the public site list, sites.json, so it is added here with where
// its figures come from), and how its callers end when nobody answers soon.
// Its calls otherwise flow like a port's travellers (queues.ts): the AI voice
// agent is its self-service lane, the agents' desktops its counters.
import type { ContactCentreTelemetry, Site } from '../core/model.js';

/**
 * The command centre's published figures (issue 15, "Decision support"):
 * about 50,000 inquiries a month on the 992 line, about half answered by an
 * AI voice agent. Placed at the Jawazat headquarters in Riyadh: no public
 * source names where the line is answered, so the region is an assumption.
 */
export const CONTACT_CENTRE_SOURCE =
  'Command centre published figures: about 50,000 inquiries a month on the 992 line, about half answered by an AI voice agent; located in Riyadh (assumed)';

export const CONTACT_CENTRE_ID = 'CC-992';

/** Agents employed on the line, four shifts around the clock (estimate: enough for the AI agent's half at the busiest hour). */
export const CONTACT_CENTRE_AGENTS = 72;

export function contactCentreSites(): Omit<Site, 'staff'>[] {
  return [
    {
      id: CONTACT_CENTRE_ID,
      name: { en: '992 Contact Centre', ar: 'مركز الاتصال 992' },
      kind: 'contact-centre',
      region: 'Riyadh',
      city: 'Riyadh',
      cityAr: 'الرياض',
      lat: 24.69,
      lon: 46.69,
      neighbour: null,
      annualPassengers: null,
      source: CONTACT_CENTRE_SOURCE,
    },
  ];
}

// How long a caller holds before hanging up: exponential, mean five minutes
// (an estimate; callers to a government line are used to holding).
const PATIENCE_MINUTES = 5;

export interface CallOutcomes {
  /** Callers still holding for a person after the step. */
  backlog: number;
  answeredByAi: number;
  answeredByPeople: number;
  abandoned: number;
}

/**
 * The share of callers bound for a person who hang up before an agent
 * answers, at a mean wait W for a person: W / (W + θ). Most callers of a
 * steady queue wait not at all, so 1 − e^(−W/θ) would overstate it.
 */
export function abandonShare(waitForAPersonMinutes: number): number {
  return waitForAPersonMinutes > 0 ? waitForAPersonMinutes / (waitForAPersonMinutes + PATIENCE_MINUTES) : 0;
}

export interface CallStep {
  /** What the lanes served during the step (queues.ts siteFlow): the AI agent's and the agents' together. */
  processed: number;
  selfProcessed: number;
  /** Callers who hung up before joining the agents' queue (siteFlow's abandoned). */
  abandoned: number;
  /** Callers holding beyond the agents' capacity after the step. */
  backlog: number;
  dtHours: number;
}

/** Everyone an agent reached was answered; of those holding in the backlog, as many hang up as run out of patience during the step. */
export function callOutcomes({ processed, selfProcessed, abandoned, backlog, dtHours }: CallStep): CallOutcomes {
  const hungUpHolding = backlog * (1 - Math.exp(-(dtHours * 60) / PATIENCE_MINUTES));
  return {
    backlog: backlog - hungUpHolding,
    answeredByAi: selfProcessed,
    answeredByPeople: Math.max(0, processed - selfProcessed),
    abandoned: abandoned + hungUpHolding,
  };
}

/** Rates per hour smoothed like the arrival rate, so one quiet minute does not read as the AI agent answering nothing. */
export function smoothContactRates(
  previous: ContactCentreTelemetry | undefined,
  step: CallOutcomes,
  dtHours: number,
  smoothing: number,
): ContactCentreTelemetry {
  const rate = (n: number, before: number | undefined) => {
    if (!(dtHours > 0)) return before ?? 0;
    return before === undefined ? n / dtHours : before + (n / dtHours - before) * smoothing;
  };
  return {
    answeredByAiPerHour: rate(step.answeredByAi, previous?.answeredByAiPerHour),
    answeredByPeoplePerHour: rate(step.answeredByPeople, previous?.answeredByPeoplePerHour),
    abandonedPerHour: rate(step.abandoned, previous?.abandonedPerHour),
  };
}

// When callers waiting call for an alert: it fires at FIRES_AT and clears
// below CLEARS_BELOW, so a queue hovering at the line does not flap.
export const QUEUE_ALERT = { firesAt: 20, clearsBelow: 8 } as const;

/** A queue alert in progress: since when (simulated ms) and when it was last sent. */
export interface QueueAlertState {
  since: number;
  lastNotifiedAt: number;
}

/**
 * What the queue alert does this step: fire (or fire again after
 * `repeatMs`, as Alertmanager re-sends), resolve, or nothing.
 */
export function queueAlertStep(
  current: QueueAlertState | undefined,
  callersWaiting: number,
  now: number,
  repeatMs: number,
): { state: QueueAlertState | undefined; send: 'firing' | 'resolved' | null } {
  if (!current) return callersWaiting >= QUEUE_ALERT.firesAt ? { state: { since: now, lastNotifiedAt: now }, send: 'firing' } : { state: undefined, send: null };
  if (callersWaiting < QUEUE_ALERT.clearsBelow) return { state: undefined, send: 'resolved' };
  if (now - current.lastNotifiedAt >= repeatMs) return { state: { ...current, lastNotifiedAt: now }, send: 'firing' };
  return { state: current, send: null };
}
