// `silence expire ID`: ends a silence now; alerts after it open incidents again.
import { Argument } from 'commander';
import { silenceJson } from '../../render/silences.js';
import { defineVerb } from '../verb.js';

export const silenceExpire = defineVerb({
  name: 'expire',
  description: 'end a silence now (officers)',
  metadata: { examples: ['silence expire SIL-4'] },
  configure: (command) => void command.addArgument(new Argument('<id>', 'the silence id from `silence list`')),
  input: ([id]: [string]) => ({ id: id.trim() }),
  run: (input, ctx) => ctx.client().expireSilence(input.id),
  present: {
    text: (silence) => `expired ${silence.id}`,
    json: (silence) => ({ silence: silenceJson(silence) }),
  },
});
