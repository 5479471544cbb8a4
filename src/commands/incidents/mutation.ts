// What every incident action prints: the changed incident as JSON, or one line.
import type { MutationResult } from '../../core/model.js';
import { incidentJson } from '../../render/json.js';
import type { CommandContext } from '../context.js';

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

export function printMutation(verb: IncidentAction, result: MutationResult, ctx: CommandContext): void {
  if (ctx.globals.json) ctx.printJson({ incident: incidentJson(result.incident), changed: result.changed });
  else ctx.print(describeMutation(verb, result));
}
