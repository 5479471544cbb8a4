// The five incident actions share one shape: the changed incident comes back,
// printed as JSON or one line, and each verb differs only in what it asks.
import type { MutationResult } from '../../core/model.js';
import { incidentJson } from '../../render/json.js';
import type { VerbPresenter } from '../verb.js';

export type IncidentAction = 'ack' | 'assign' | 'note' | 'escalate' | 'resolve';

export function describeMutation(verb: IncidentAction, result: MutationResult): string {
  const i = result.incident;
  if (!result.changed) {
    return verb === 'ack' ? `${i.id} already acknowledged by you` : `${i.id}: nothing changed`;
  }
  switch (verb) {
    case 'ack':
      return `acknowledged ${i.id}: ${i.title}`;
    case 'assign':
      return `assigned ${i.id} to ${i.assignee ?? '-'}`;
    case 'note':
      return `added a note to ${i.id}`;
    case 'escalate':
      return `escalated ${i.id} (now ${i.severity})`;
    case 'resolve':
      return `resolved ${i.id}`;
  }
}

/** Why an assignment lets its assignee resolve nothing, when it does not: worth a word, since it reads like a handover. */
export function assignmentNote(result: MutationResult): string | undefined {
  const i = result.incident;
  if (!result.changed || i.assignee === null) return undefined;
  if (i.assignerAuthority === null) {
    return `note: this does not let ${i.assignee} resolve ${i.id}; only a supervisor, the officer who acknowledged it, or whoever it was handed to can hand it over`;
  }
  if (i.assigneeId === null) return `note: the hub knows no one token named "${i.assignee}", so this lets no one resolve ${i.id}`;
  return undefined;
}

export function mutationPresenter(verb: IncidentAction): VerbPresenter<MutationResult> {
  return {
    text: (result) => describeMutation(verb, result),
    ...(verb === 'assign' ? { note: assignmentNote } : {}),
    json: (result) => ({ incident: incidentJson(result.incident), changed: result.changed }),
  };
}
