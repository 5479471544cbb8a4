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
} as const;

/** Of the time a site reported, the share its wait was within its wait target (WAIT_TARGET_MINUTES). */
export const WAIT_WITHIN_TARGET_SHARE = 0.9;
