// The 992 contact centre's figures over a period, from its hourly flow
// history, and the targets they are held to — in one place, for the
// `kpi contact-centre` indicator to wrap in the KPI framework (value, target,
// previous period, trend). Pure: the caller reads the hours.
import { contactShares } from '../../core/contact-shares.js';
import type { FlowHour } from './flow-history.js';

/**
 * What the line is held to, and why:
 * - aiShare ≥ 0.5: the command centre's published figure — about half of the
 *   inquiries answered by the AI voice agent without a person;
 * - abandonedShare ≤ 0.05: callers hanging up before an answer, the usual
 *   ceiling contact centres set themselves (an estimate; no figure for the
 *   992 line is public);
 * - callersWaiting ≤ 5: callers holding for a person on average, about two
 *   minutes of calls at the line's mean flow of some 70 an hour;
 * - inquiriesPerHour has no target: it is demand, shown against the previous
 *   period (about 50,000 a month, some 70 an hour, is the published volume).
 */
export const CONTACT_CENTRE_TARGETS = {
  aiShare: { atLeast: 0.5 },
  abandonedShare: { atMost: 0.05 },
  callersWaiting: { atMost: 5 },
} as const;

export interface ContactCentreFigures {
  /** Hours with a report in the period. */
  hours: number;
  /** Inquiries in the period (each hour's mean rate over its one hour). */
  inquiries: number;
  /** Mean inquiries per hour over the hours reported; null without any. */
  inquiriesPerHour: number | null;
  /** Mean callers waiting over the hours reported; null without any. */
  callersWaiting: number | null;
  /** Of the inquiries that ended, answered by the AI agent without a person; null when none ended. */
  aiShare: number | null;
  abandonedShare: number | null;
  /** Hour by hour, oldest first: the series a trend is drawn from. */
  series: { hourStart: string; inquiriesPerHour: number; callersWaiting: number; aiShare: number | null; abandonedShare: number | null }[];
}

/** The figures of one contact centre's hours (readFlowHours with its siteId); hours without contact-centre figures count for volume and queue only. */
export function contactCentreFigures(hours: readonly FlowHour[]): ContactCentreFigures {
  const ended = { answeredByAiPerHour: 0, answeredByPeoplePerHour: 0, abandonedPerHour: 0 };
  for (const h of hours) {
    if (!h.contactCentre) continue;
    ended.answeredByAiPerHour += h.contactCentre.answeredByAiPerHour;
    ended.answeredByPeoplePerHour += h.contactCentre.answeredByPeoplePerHour;
    ended.abandonedPerHour += h.contactCentre.abandonedPerHour;
  }
  const inquiries = hours.reduce((sum, h) => sum + h.arrivalsPerHour, 0);
  const mean = (total: number) => (hours.length > 0 ? total / hours.length : null);
  return {
    hours: hours.length,
    inquiries,
    inquiriesPerHour: mean(inquiries),
    callersWaiting: mean(hours.reduce((sum, h) => sum + h.queueMean, 0)),
    ...contactShares(ended),
    series: hours.map((h) => ({
      hourStart: h.hourStart,
      inquiriesPerHour: h.arrivalsPerHour,
      callersWaiting: h.queueMean,
      ...(h.contactCentre ? contactShares(h.contactCentre) : { aiShare: null, abandonedShare: null }),
    })),
  };
}

/** Whether a figure meets its target; null when there is no figure to judge. */
export function meetsContactTarget(name: keyof typeof CONTACT_CENTRE_TARGETS, value: number | null): boolean | null {
  if (value === null) return null;
  const target: { atLeast?: number; atMost?: number } = CONTACT_CENTRE_TARGETS[name];
  return target.atLeast !== undefined ? value >= target.atLeast : value <= target.atMost!;
}
