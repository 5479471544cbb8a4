// `incidents escalate ID [--reason R]` (supervisors): one severity step up.
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export interface EscalateInput {
  id: string | undefined;
  reason: string | undefined;
}

const EXAMPLE = 'incidents escalate 42 --reason "queue past 90 minutes"';

export const incidentsEscalate = defineVerb({
  name: 'escalate',
  metadata: { examples: [EXAMPLE] },
  description: 'raise the severity one step (supervisors)',
  configure: (command) => void command.addArgument(incidentIdArgument()).option('--reason <reason>', 'why, for the timeline'),
  input: ([id]: [string | undefined], options: { reason?: string }): EscalateInput => ({ id, reason: options.reason }),
  run: async (input, ctx) => ctx.client().escalate(await incidentIdFrom(input.id, ctx, EXAMPLE), input.reason),
  present: mutationPresenter('escalate'),
});
