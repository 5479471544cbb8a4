// The incident service levels, in one place: the watch UI's queue timers and
// the incidents KPI ("acknowledged within the SLA") read the same targets.
// They follow the usual incident-response tiers, tightened for a border post
// where a queue builds within minutes: a sev1 (a site or a national platform
// down) is acknowledged within 5 minutes and resolved within the hour.
import type { Severity } from './vocabulary.js';

const MINUTE = 60_000;

export const SLA_TARGETS: Readonly<Record<Severity, { ackMs: number; resolveMs: number }>> = {
  sev1: { ackMs: 5 * MINUTE, resolveMs: 60 * MINUTE },
  sev2: { ackMs: 15 * MINUTE, resolveMs: 4 * 60 * MINUTE },
  sev3: { ackMs: 60 * MINUTE, resolveMs: 24 * 60 * MINUTE },
  sev4: { ackMs: 4 * 60 * MINUTE, resolveMs: 72 * 60 * MINUTE },
};

/**
 * How an incident opened at `createdAt` fared against its acknowledgement
 * target, as seen at `asOfMs`: met when first answered (acknowledged, or
 * resolved before anyone had to) within the target, missed when answered
 * late or not answered by the deadline, pending while the deadline is ahead.
 */
export function ackSlaOutcome(severity: Severity, createdAt: string, answeredAt: string | null, asOfMs: number): 'met' | 'missed' | 'pending' {
  const deadline = Date.parse(createdAt) + SLA_TARGETS[severity].ackMs;
  if (answeredAt !== null && Date.parse(answeredAt) <= asOfMs) return Date.parse(answeredAt) <= deadline ? 'met' : 'missed';
  return asOfMs >= deadline ? 'missed' : 'pending';
}
