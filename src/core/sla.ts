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

/** Whether an incident opened at `createdAt` was acknowledged within its severity's target (never acknowledged: false). */
export function acknowledgedWithinSla(severity: Severity, createdAt: string, acknowledgedAt: string | null): boolean {
  if (acknowledgedAt === null) return false;
  return Date.parse(acknowledgedAt) - Date.parse(createdAt) <= SLA_TARGETS[severity].ackMs;
}
