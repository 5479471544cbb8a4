// The incident a verb acts on: the id given, or — when a person is at a
// terminal — one chosen from the open incidents. Never waits on a pipe.
import { compareOrdinal } from '../../core/ordinal.js';
import { UsageError } from '../../core/errors.js';
import type { Incident } from '../../core/model.js';
import type { VerbContext } from '../context.js';
import { normalizeIncidentId } from './incident-id.js';

type PickContext = Pick<VerbContext, 'canPrompt' | 'client' | 'deps'>;

/** `example` is the verb's own use (`incidents resolve 42 --summary …`), for the hint when the id is missing. */
export async function incidentIdFrom(given: string | undefined, ctx: PickContext, example: string): Promise<string> {
  if (given !== undefined) return normalizeIncidentId(given);
  if (!ctx.canPrompt) {
    throw new UsageError('missing incident id', { hint: `give it as an argument, e.g. \`watchfloor ${example}\`` });
  }
  const open = await ctx.client().listIncidents({ state: 'open' });
  if (!open.length) throw new UsageError('missing incident id, and there are no open incidents to choose from');
  const bySeverity = orderForPicking(open);
  const prompter = await ctx.deps.prompter();
  return prompter.select({
    message: 'Which incident?',
    choices: bySeverity.map((i) => ({ name: `${i.id}  ${i.severity}  ${i.siteId ?? '-'}  ${i.title}`, value: i.id })),
  });
}

/** Most severe first; within a severity the hub's order (newest first). */
export function orderForPicking(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort((a, b) => compareOrdinal(a.severity, b.severity));
}

/** A required text option: asked for on a terminal, a usage error otherwise. */
export async function textFrom(
  given: string | undefined,
  ask: { flag: string; message: string },
  ctx: Pick<VerbContext, 'canPrompt' | 'deps'>,
): Promise<string> {
  if (given !== undefined && given.trim()) return given;
  if (!ctx.canPrompt) throw new UsageError(`missing ${ask.flag}`);
  const prompter = await ctx.deps.prompter();
  return prompter.input({ message: ask.message, validate: (v) => (v.trim() ? true : 'required') });
}
