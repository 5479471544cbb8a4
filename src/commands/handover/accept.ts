// `handover accept [ID]`: the incoming officer takes over the latest handover
// (or the one named). The hub refuses its issuer, a second acceptance, and an
// older handover than the latest.
import { acceptedLine, handoverJson } from '../../render/handovers.js';
import { defineVerb } from '../verb.js';
import { handoverId, handoverIdArgument } from './handover-argument.js';

export const handoverAccept = defineVerb({
  name: 'accept',
  description: 'take over the latest handover (or ID) as the incoming officer — not its issuer (officers)',
  metadata: { examples: ['handover accept', 'handover accept HO-000007 --json'] },
  configure: (command) => void command.addArgument(handoverIdArgument()),
  input: ([id]: [string | undefined]) => ({ id: handoverId(id) }),
  run: (input, ctx) => ctx.client().acceptHandover(input.id),
  present: {
    text: (handover) => acceptedLine(handover),
    json: (handover) => ({ handover: handoverJson(handover) }),
  },
});
