// What each officer action does to an incident, decided without a store or a
// clock: given the incident as it is now, the new incident and what to record,
// or "nothing to change", or a typed refusal.
import { ConflictError, ForbiddenError } from '../../core/errors.js';
import type { Incident } from '../../core/model.js';
import { roleAtLeast } from '../../core/vocabulary.js';
import { refOf, type Caller } from '../caller.js';
import type { AuditNote, TimelineNote } from './incident-writes.js';
import { assertTransition, raisedSeverity } from './state-machine.js';

export type Decision =
  | { changed: false }
  | { changed: true; incident: Incident; timeline: TimelineNote; audit: AuditNote };

const UNCHANGED: Decision = { changed: false };

function refuseIfResolved(incident: Incident, doing: string): void {
  if (incident.state !== 'resolved') return;
  const by = incident.resolvedBy ? ` by ${incident.resolvedBy.name}` : '';
  throw new ConflictError(`${incident.id} was already resolved${by} at ${incident.resolvedAt}; cannot ${doing} it`, {
    hint: 'resolved incidents are final; open a new one if the problem is back',
    details: { state: incident.state, resolvedBy: incident.resolvedBy },
  });
}

export function decideAck(incident: Incident, caller: Caller, at: string): Decision {
  refuseIfResolved(incident, 'acknowledge');
  const by = incident.acknowledgedBy;
  if (by && by.id === caller.actor.id) return UNCHANGED;
  if (by) {
    throw new ConflictError(`${incident.id} was already acknowledged by ${by.name} at ${incident.acknowledgedAt}`, {
      hint: `coordinate with ${by.name}, or add a note with \`watchfloor incidents note ${incident.id}\``,
      details: { acknowledgedBy: by, acknowledgedAt: incident.acknowledgedAt },
    });
  }
  assertTransition(incident.id, incident.state, 'acknowledged');
  return {
    changed: true,
    incident: { ...incident, state: 'acknowledged', acknowledgedBy: refOf(caller.actor), acknowledgedAt: at },
    timeline: { kind: 'acknowledged', text: `acknowledged by ${caller.actor.name}` },
    audit: { action: 'incident.ack' },
  };
}

export function decideAssign(incident: Incident, to: string): Decision {
  refuseIfResolved(incident, 'assign');
  if (incident.assignee === to) return UNCHANGED;
  const from = incident.assignee;
  return {
    changed: true,
    incident: { ...incident, assignee: to },
    timeline: { kind: 'assigned', text: from ? `reassigned from ${from} to ${to}` : `assigned to ${to}` },
    audit: { action: 'incident.assign', detail: { from, to } },
  };
}

export function decideNote(incident: Incident, text: string): Decision {
  // Notes stay possible after resolution: the after-action review needs them.
  return {
    changed: true,
    incident,
    timeline: { kind: 'note', text },
    audit: { action: 'incident.note', detail: { text } },
  };
}

export function decideEscalate(incident: Incident, reason: string | undefined): Decision {
  refuseIfResolved(incident, 'escalate');
  const severity = raisedSeverity(incident.severity);
  const step = severity === incident.severity ? `kept at ${severity}` : `raised from ${incident.severity} to ${severity}`;
  return {
    changed: true,
    incident: { ...incident, severity, escalations: incident.escalations + 1 },
    timeline: { kind: 'escalated', text: `escalated (${step})${reason ? `: ${reason}` : ''}` },
    audit: { action: 'incident.escalate', detail: { from: incident.severity, to: severity, reason: reason ?? null } },
  };
}

/** An officer may close what they took on; anything else needs a supervisor. */
export function mayResolve(incident: Incident, caller: Caller): boolean {
  const { actor } = caller;
  return (
    roleAtLeast(actor.role, 'supervisor') || incident.acknowledgedBy?.id === actor.id || incident.assignee === actor.name
  );
}

export function decideResolve(incident: Incident, caller: Caller, summary: string, at: string): Decision {
  refuseIfResolved(incident, 'resolve');
  if (!mayResolve(incident, caller)) {
    throw new ForbiddenError(
      `resolving ${incident.id} needs the supervisor role: ${caller.actor.name} neither acknowledged it nor is assigned to it`,
      {
        hint: `acknowledge it first (\`watchfloor incidents ack ${incident.id}\`) or ask a supervisor`,
        details: { needed: 'supervisor', role: caller.actor.role },
      },
    );
  }
  assertTransition(incident.id, incident.state, 'resolved');
  return {
    changed: true,
    incident: { ...incident, state: 'resolved', resolvedBy: refOf(caller.actor), resolvedAt: at, summary },
    timeline: { kind: 'resolved', text: `resolved by ${caller.actor.name}: ${summary}` },
    audit: { action: 'incident.resolve', detail: { summary } },
  };
}
