// How a contact centre's inquiries ended, as shares: the AI agent's share
// answered without a person and the share abandoned. One definition for the
// status row, the watch UI and the contact-centre KPI, so they never disagree.
import type { ContactCentreTelemetry } from './model/telemetry.js';

export interface ContactShares {
  /** Of the inquiries that ended, answered by the AI voice agent without a person (0..1); null when none ended. */
  aiShare: number | null;
  /** Of the inquiries that ended, the callers who hung up before an answer (0..1); null when none ended. */
  abandonedShare: number | null;
}

/** Works on rates or on counts alike: only the proportions matter. */
export function contactShares(figures: ContactCentreTelemetry): ContactShares {
  const ended = figures.answeredByAiPerHour + figures.answeredByPeoplePerHour + figures.abandonedPerHour;
  if (!(ended > 0)) return { aiShare: null, abandonedShare: null };
  return { aiShare: figures.answeredByAiPerHour / ended, abandonedShare: figures.abandonedPerHour / ended };
}
