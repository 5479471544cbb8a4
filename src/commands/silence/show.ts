// `silence show ID`: one silence or maintenance window, and the alerts it kept
// from opening incidents — what an officer reads before ending it early.
import { Argument } from 'commander';
import { renderSilenceDetail, silenceJson } from '../../render/silences.js';
import { defineVerb } from '../verb.js';

export const silenceShow = defineVerb({
  name: 'show',
  description: 'one silence or maintenance window, with the alerts it took',
  metadata: { examples: ['silence show SIL-4', 'silence show MW-2 --json'] },
  configure: (command) => void command.addArgument(new Argument('<id>', 'the id from `silence list` or `maintenance list`')),
  input: ([id]: [string]) => ({ id: id.trim().toUpperCase() }),
  run: (input, ctx) => ctx.client().getSilence(input.id),
  present: {
    text: (view, ctx) => renderSilenceDetail(view, ctx),
    json: (view) => ({ silence: silenceJson(view.silence), alerts: view.alerts }),
  },
});
