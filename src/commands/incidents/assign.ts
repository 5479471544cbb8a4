// `incidents assign ID --to NAME`
import { UsageError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export interface AssignInput {
  id: string | undefined;
  to: string;
}

const EXAMPLE = 'incidents assign 42 --to "Noura Al-Harbi"';

export const incidentsAssign = defineVerb({
  name: 'assign',
  metadata: { examples: [EXAMPLE] },
  description: 'hand an incident to someone',
  configure: (command) => void command.addArgument(incidentIdArgument()).requiredOption('--to <name>', 'who takes it'),
  input([id]: [string | undefined], options: { to: string }): AssignInput {
    if (!options.to.trim()) throw new UsageError('--to needs a name');
    return { id, to: options.to.trim() };
  },
  run: async (input, ctx) => ctx.client().assign(await incidentIdFrom(input.id, ctx, EXAMPLE), input.to),
  present: mutationPresenter('assign'),
});
