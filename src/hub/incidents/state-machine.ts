// Which incident states may follow which. Pure: no store, no clock.
import { ConflictError } from '../../core/errors.js';
import type { IncidentState, Severity } from '../../core/model.js';
import { SEVERITIES } from '../../core/vocabulary.js';

const NEXT: Record<IncidentState, readonly IncidentState[]> = {
  triggered: ['acknowledged', 'dispatched', 'resolved'],
  acknowledged: ['dispatched', 'resolved'],
  // Reserved for remote diagnostics: a technician is on the way.
  dispatched: ['resolved'],
  resolved: [],
};

export function canTransition(from: IncidentState, to: IncidentState): boolean {
  return NEXT[from].includes(to);
}

export function isOpen(state: IncidentState): boolean {
  return state !== 'resolved';
}

/** Throws a ConflictError naming the incident when `from → to` is not allowed. */
export function assertTransition(incidentId: string, from: IncidentState, to: IncidentState): void {
  if (canTransition(from, to)) return;
  throw new ConflictError(`${incidentId} is ${from}; it cannot become ${to}`, {
    hint: from === 'resolved' ? 'resolved incidents are final; open a new one if the problem is back' : undefined,
    details: { state: from, wanted: to },
  });
}

/** One step more severe; sev1 stays sev1. */
export function raisedSeverity(severity: Severity): Severity {
  return SEVERITIES[Math.max(0, SEVERITIES.indexOf(severity) - 1)]!;
}

/** sev1 is the most severe; lower numbers win. */
export function moreSevere(a: Severity, b: Severity): boolean {
  return SEVERITIES.indexOf(a) < SEVERITIES.indexOf(b);
}
