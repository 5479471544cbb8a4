// `incidents ack ID`: take it. Someone else got there first → exit 5 naming them.
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { mutationPresenter } from './mutation.js';
import { incidentIdFrom } from './pick.js';

export const incidentsAck = defineVerb({
  name: 'ack',
  description: 'acknowledge an incident: you are on it',
  metadata: { examples: ['incidents ack INC-000042'] },
  configure: (command) => void command.addArgument(incidentIdArgument()),
  input: ([id]: [string | undefined]) => ({ id }),
  run: async (input, ctx) => ctx.client().ack(await incidentIdFrom(input.id, ctx)),
  present: mutationPresenter('ack'),
});
