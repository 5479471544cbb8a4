// The command centre's published targets, in one place: the hub measures
// against them and the renderers show them. Shares are 0–1.
export const KPI_TARGETS = {
  /** Critical systems available (continuity). */
  availability: 0.95,
  /** Device incidents fixed or mitigated without a visit. */
  remoteResolution: 0.95,
  /** Travellers satisfied in surveys (a score of 4 or 5 out of 5). */
  satisfied: 0.92,
  /** Incidents acknowledged within their severity's SLA (core/sla.ts). */
  ackWithinSla: 0.95,
  /**
   * The 992 contact centre: inquiries answered by the AI voice agent without
   * a person, the published figure ("about half").
   */
  aiAnswered: 0.5,
  /** Callers who hang up before an answer: the usual ceiling contact centres set themselves (an estimate; none is published for the 992 line). */
  abandoned: 0.05,
  /** Callers holding for a person on average: about two minutes of calls at the line's mean flow of some 70 an hour (50,000 a month). */
  callersWaiting: 5,
} as const;

/** Of the time a site reported, the share its wait was within its wait target (WAIT_TARGET_MINUTES). */
export const WAIT_WITHIN_TARGET_SHARE = 0.9;
