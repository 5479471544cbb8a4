// What each action does to an incident, decided without a store or a clock:
// given the incident as it is now, the new incident and what to record, or
// "nothing to change", or a typed refusal. Resolution is one decision for
// every way an incident gets resolved (by hand, by a verified remote fix, by
// an on-site repair, by its alert clearing), with the way as a parameter.
import { ConflictError, ForbiddenError } from '../../core/errors.js';
import type { ActorRef, AssignerAuthority, Incident } from '../../core/model.js';
import { roleAtLeast } from '../../core/vocabulary.js';
import { refOf, SYSTEM, type Caller } from '../caller.js';
import type { IncidentChange } from './incident-writes.js';
import { assertTransition, raisedSeverity } from './state-machine.js';

/** A decision that changes the incident (or records something on it). */
export type Change = { changed: true } & IncidentChange;

export type Decision = { changed: false } | Change;

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

/** Whom an assignment names: the text as typed, and the token (or chat user) it names when the hub could tell. */
export interface Assignee {
  name: string;
  id: string | null;
}

/**
 * An assignment records who made it and what let them resolve the incident:
 * it hands resolving over to the assignee only if they could (authority
 * passes only from someone who has it), so naming yourself grants nothing.
 */
export function decideAssign(incident: Incident, caller: Caller, to: Assignee): Decision {
  refuseIfResolved(incident, 'assign');
  const authority = resolveAuthority(incident, caller);
  if (incident.assignee === to.name && incident.assigneeId === to.id && incident.assignerAuthority === authority) return UNCHANGED;
  const from = incident.assignee;
  const handover = authority !== null && to.id !== null;
  const text = from ? `reassigned from ${from} to ${to.name}` : `assigned to ${to.name}`;
  return {
    changed: true,
    incident: { ...incident, assignee: to.name, assigneeId: to.id, assignedBy: refOf(caller.actor), assignerAuthority: authority },
    timeline: { kind: 'assigned', text: handover ? `${text}, who may now resolve it` : text },
    audit: { action: 'incident.assign', detail: { from, to: to.name, assigneeId: to.id, authority } },
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

/**
 * What lets `caller` resolve `incident` (and so hand it over): being a
 * supervisor, having acknowledged it, or being the one an assignment with
 * authority names (matched by id, never by the free-text name); else null.
 */
export function resolveAuthority(incident: Incident, caller: Caller): AssignerAuthority | null {
  const { actor } = caller;
  if (roleAtLeast(actor.role, 'supervisor')) return 'supervisor';
  if (incident.acknowledgedBy?.id === actor.id) return 'acknowledger';
  if (incident.assignerAuthority !== null && incident.assigneeId !== null && incident.assigneeId === actor.id) return 'assignee';
  return null;
}

/** An officer may close what they took on or were handed; anything else needs a supervisor. */
export const mayResolve = (incident: Incident, caller: Caller): boolean => resolveAuthority(incident, caller) !== null;

/** Why `caller` does not hold `incident`, in words for a refusal. */
function notHeldBy(incident: Incident, caller: Caller): string {
  const { actor } = caller;
  const named = incident.assigneeId === actor.id || incident.assignee === actor.name;
  if (!named || !incident.assignedBy) return `${actor.name} neither acknowledged it nor is assigned to it`;
  if (incident.assignerAuthority === null) {
    return `${actor.name} did not acknowledge it, and ${incident.assignedBy.name} assigned it without the right to resolve it, which hands nothing over`;
  }
  return `${actor.name} did not acknowledge it, and the assignment by ${incident.assignedBy.name} names another token`;
}

/**
 * Every way an incident becomes resolved. Each says who may resolve it that
 * way and what the timeline and the audit log record.
 */
export type Resolution =
  /** An officer (or supervisor) resolves it by hand. */
  | { way: 'officer'; summary: string }
  /** Diagnostics verified a remote fix, or found the device healthy. */
  | { way: 'remote'; summary: string }
  /** A work order was closed after an on-site repair. */
  | { way: 'repaired'; dispatchId: string; note: string }
  /** The alert resolved at its source before anyone acknowledged the incident. */
  | { way: 'alert-cleared'; fingerprint: string }
  /** The early warning's forecast no longer predicts the breach it was opened for. */
  | { way: 'forecast-cleared'; summary: string };

/** Why `caller` may not resolve `incident` this way, or undefined if they may. */
export function resolutionRefusal(incident: Incident, caller: Caller, resolution: Resolution): Error | undefined {
  const details = { needed: 'supervisor', role: caller.actor.role };
  switch (resolution.way) {
    case 'officer':
    case 'remote':
      if (mayResolve(incident, caller)) return undefined;
      return new ForbiddenError(`resolving ${incident.id} needs the supervisor role: ${notHeldBy(incident, caller)}`, {
        hint: `acknowledge it first (\`watchfloor incidents ack ${incident.id}\`), or have a supervisor or whoever holds it assign it to you`,
        details,
      });
    case 'repaired':
      if (mayResolve(incident, caller)) return undefined;
      return new ForbiddenError(`closing ${resolution.dispatchId} needs the supervisor role, or ${incident.id} handed over to you: ${notHeldBy(incident, caller)}`, {
        hint: `have a supervisor, or whoever holds ${incident.id}, assign it to you`,
        details,
      });
    case 'alert-cleared':
      // Only the source of the alert clears it: a person's token that could post one would resolve without the rule above.
      if (caller.actor.role !== 'intake' && caller !== SYSTEM) {
        return new ForbiddenError(`only an intake token clears ${incident.id} by its alert; ${caller.actor.name} is ${caller.actor.role}`, { details });
      }
      // Once someone has taken it on, the alert only tells them; they decide.
      if (incident.state === 'triggered') return undefined;
      return new ConflictError(`${incident.id} is ${incident.state}: an alert resolved at the source leaves it to whoever took it on`, {
        details: { state: incident.state },
      });
    case 'forecast-cleared':
      // Only the hub's own early warning, and only on what it opened: a breach no longer predicted is over whoever holds it.
      if (caller !== SYSTEM || incident.source !== 'predicted') {
        return new ForbiddenError(`only the hub's early warning clears ${incident.id} by its forecast`, { details });
      }
      return undefined;
  }
}

/** What the resolution records: who resolved it, the summary, the timeline entry and the audit row. */
function resolutionRecord(caller: Caller, resolution: Resolution): { by: ActorRef; summary: string } & Pick<IncidentChange, 'timeline' | 'audit'> {
  const by = refOf(caller.actor);
  switch (resolution.way) {
    case 'officer':
      return {
        by,
        summary: resolution.summary,
        timeline: { kind: 'resolved', text: `resolved by ${caller.actor.name}: ${resolution.summary}` },
        audit: { action: 'incident.resolve', detail: { summary: resolution.summary } },
      };
    case 'remote':
      return {
        by,
        summary: resolution.summary,
        timeline: { kind: 'resolved', text: `resolved remotely: ${resolution.summary}` },
        audit: { action: 'incident.resolve', detail: { summary: resolution.summary, remote: true } },
      };
    case 'repaired': {
      const summary = `repaired on site (${resolution.dispatchId}): ${resolution.note}`;
      return {
        by,
        summary,
        timeline: { kind: 'resolved', text: `resolved by ${caller.actor.name}: ${summary}` },
        audit: { action: 'dispatch.close', detail: { dispatchId: resolution.dispatchId, note: resolution.note } },
      };
    }
    case 'alert-cleared':
      return {
        by: refOf(SYSTEM.actor),
        summary: 'alert resolved at the source',
        timeline: { kind: 'alert-resolved', text: 'alert resolved at the source before anyone acknowledged it; closed automatically', as: SYSTEM },
        audit: { action: 'incident.resolve', detail: { fingerprint: resolution.fingerprint, automatic: true } },
      };
    case 'forecast-cleared':
      return {
        by: refOf(SYSTEM.actor),
        summary: resolution.summary,
        timeline: { kind: 'resolved', text: `closed automatically: ${resolution.summary}`, as: SYSTEM },
        audit: { action: 'incident.resolve', detail: { summary: resolution.summary, automatic: true, source: 'predicted' } },
      };
  }
}

/** The one decision by which an incident becomes resolved, whichever way it was. */
export function decideResolve(incident: Incident, caller: Caller, resolution: Resolution, at: string): Change {
  refuseIfResolved(incident, 'resolve');
  const refusal = resolutionRefusal(incident, caller, resolution);
  if (refusal) throw refusal;
  assertTransition(incident.id, incident.state, 'resolved');
  const { by, summary, timeline, audit } = resolutionRecord(caller, resolution);
  return { changed: true, incident: { ...incident, state: 'resolved', resolvedBy: by, resolvedAt: at, summary }, timeline, audit };
}
