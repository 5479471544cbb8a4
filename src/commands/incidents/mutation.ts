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

export function mutationPresenter(verb: IncidentAction): VerbPresenter<MutationResult> {
  return {
    text: (result) => describeMutation(verb, result),
    json: (result) => ({ incident: incidentJson(result.incident), changed: result.changed }),
  };
}
