// `incidents ack ID`: take it. Someone else got there first → exit 5 naming them.
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom } from './pick.js';

const EXAMPLE = 'incidents ack 42';

export const incidentsAck = defineVerb({
  name: 'ack',
  description: 'acknowledge an incident: you are on it',
  metadata: { examples: [EXAMPLE] },
  configure: (command) => void command.addArgument(incidentIdArgument()),
  input: ([id]: [string | undefined]) => ({ id }),
  run: async (input, ctx) => ctx.client().ack(await incidentIdFrom(input.id, ctx, EXAMPLE)),
  present: mutationPresenter('ack'),
});
