// The verbs chat draws richly: each verb's result object — the very one the
// CLI prints — mapped to a BotReply, keyed by the verb's definition so a
// change to a result's type is a compile error here. Every other verb answers
// with its own text presenter (text-reply.ts), so nothing here has to change
// when the CLI grows.
import { diagRun } from '../commands/diag/run.js';
import { incidentsAck } from '../commands/incidents/ack.js';
import { incidentsAssign } from '../commands/incidents/assign.js';
import { incidentsEscalate } from '../commands/incidents/escalate.js';
import { incidentsList, type IncidentsListInput } from '../commands/incidents/list.js';
import { incidentsNote } from '../commands/incidents/note.js';
import { incidentsResolve } from '../commands/incidents/resolve.js';
import { incidentsShow } from '../commands/incidents/show.js';
import { playbookStatus } from '../commands/playbook/read.js';
import { playbookRun } from '../commands/playbook/run.js';
import type { VerbOutcome } from '../commands/outcome-presenter.js';
import { sitesList } from '../commands/sites/list.js';
import { status } from '../commands/status/status.js';
import type { AnyVerb, EventOf, InputOf, ResultOf } from '../commands/verb.js';
import type { MutationResult } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { incidentActions } from './facts.js';
import { runActions } from './run-facts.js';
import { messagesFor, type MutationVerb } from './messages.js';
import type { BotReply } from './reply.js';

/** What a rich reply is made from: the verb's parsed input, its events and its result. */
export interface VerbReplyInput<V> {
  input: InputOf<V>;
  events: EventOf<V>[];
  result: ResultOf<V>;
  lang: Lang;
}

// undefined: this outcome of the verb has no rich reply (a plan), and its text presenter answers.
type VerbReply = (outcome: VerbReplyInput<AnyVerb>) => BotReply | undefined;

const REPLIES = new Map<AnyVerb, VerbReply>();

function reply<V extends AnyVerb>(verb: V, draw: (outcome: VerbReplyInput<V>) => BotReply | undefined): void {
  REPLIES.set(verb, draw as VerbReply);
}

/** The heading says which filter the list answers, as the officer typed it. */
function incidentsHeading(input: IncidentsListInput, lang: Lang): string {
  const m = messagesFor(lang);
  const heading = input.site ? m.incidentsAt(input.site) : m.openIncidents();
  if (input.state === 'open') return heading;
  // `all` names no state: the site, or the plain word for incidents.
  if (input.state === 'all') return input.site ?? (lang === 'ar' ? 'الحوادث' : 'incidents');
  return `${input.site ? `${input.site} · ` : ''}${labelsFor(lang).state(input.state)}`;
}

function mutationReply(verb: MutationVerb) {
  return ({ result, lang }: { result: MutationResult; lang: Lang }): BotReply => ({
    kind: 'done',
    message: messagesFor(lang).done(verb, result.incident, result.changed),
    incident: result.incident,
  });
}

reply(status, ({ result }) => ('fleet' in result ? { kind: 'fleet', status: result.fleet } : { kind: 'site', site: result.site }));
reply(sitesList, ({ result }) => ({ kind: 'sites', sites: result }));
reply(incidentsList, ({ input, result, lang }) => ({ kind: 'incidents', incidents: result, heading: incidentsHeading(input, lang) }));
reply(incidentsShow, ({ result, lang }) => ({ kind: 'incident', incident: result, actions: incidentActions(result.incident, lang) }));
reply(incidentsAck, mutationReply('ack'));
reply(incidentsAssign, mutationReply('assign'));
reply(incidentsNote, mutationReply('note'));
reply(incidentsEscalate, mutationReply('escalate'));
reply(incidentsResolve, mutationReply('resolve'));
reply(playbookStatus, ({ result, lang }) => ({ kind: 'run', detail: result, actions: runActions(result, lang) }));
reply(playbookRun, ({ result, lang }) => (result.kind === 'run' ? { kind: 'run', detail: result.detail, actions: runActions(result.detail, lang) } : undefined));
reply(diagRun, ({ input, result }) => ({ kind: 'diagnostics', target: input.target, verdicts: result.verdicts }));

/** The verbs with a rich reply (the rest answer with their text presenter). */
export const RICHLY_ANSWERED: readonly AnyVerb[] = [...REPLIES.keys()];

/** The rich reply for a verb's outcome, or undefined when the verb has none. */
export function verbReply(outcome: VerbOutcome, lang: Lang): BotReply | undefined {
  const draw = REPLIES.get(outcome.verb);
  return draw?.({ input: outcome.input, events: outcome.events, result: outcome.result, lang });
}
