// The 992 contact centre's figures over a period, from its hourly flow
// history, and the targets they are held to — in one place, for the
// `kpi contact-centre` indicator to wrap in the KPI framework (value, target,
// previous period, trend). Pure: the caller reads the hours.
import { contactShares } from '../../core/contact-shares.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import type { FlowHour } from './flow-history.js';

/**
 * What the line is held to (the figures and why are in core/kpi-targets.ts,
 * beside the other KPIs'); inquiriesPerHour has no target: it is demand,
 * shown against the previous period.
 */
export const CONTACT_CENTRE_TARGETS = {
  aiShare: { atLeast: KPI_TARGETS.aiAnswered },
  abandonedShare: { atMost: KPI_TARGETS.abandoned },
  callersWaiting: { atMost: KPI_TARGETS.callersWaiting },
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
