// `incidents escalate ID [--reason R]` (supervisors): one severity step up.
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export interface EscalateInput {
  id: string | undefined;
  reason: string | undefined;
}

export const incidentsEscalate = defineVerb({
  name: 'escalate',
  description: 'raise the severity one step (supervisors)',
  configure: (command) => void command.addArgument(incidentIdArgument()).option('--reason <reason>', 'why, for the timeline'),
  input: ([id]: [string | undefined], options: { reason?: string }): EscalateInput => ({ id, reason: options.reason }),
  run: async (input, ctx) => ctx.client().escalate(await incidentIdFrom(input.id, ctx), input.reason),
  present: mutationPresenter('escalate'),
});
