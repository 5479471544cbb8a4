// `dispatch close ID --note TEXT`: the technician repaired it on site; the
// hub resolves the incident. The note is asked for on a terminal when left out.
import { dispatchJson } from '../../render/json.js';
import { textFrom } from '../incidents/pick.js';
import { defineVerb } from '../verb.js';
import { dispatchIdArgument, normalizeDispatchId } from './dispatch-id.js';

export const dispatchClose = defineVerb({
  name: 'close',
  description: 'close a work order once repaired on site (resolves its incident)',
  metadata: { examples: ['dispatch close 3 --note "door motor replaced on RUH/egate-07"'] },
  configure: (command) => void command.addArgument(dispatchIdArgument()).option('--note <text>', 'what was done on site'),
  input: ([id]: [string], options: { note?: string }) => ({ id, note: options.note }),
  async run(input, ctx) {
    const id = normalizeDispatchId(input.id);
    const note = await textFrom(input.note, { flag: '--note', message: 'What did the technician do?' }, ctx);
    return ctx.client().closeDispatch(id, note.trim());
  },
  present: {
    text: (d) => `closed ${d.id}; incident ${d.incidentId} resolved`,
    json: (d) => ({ dispatch: dispatchJson(d) }),
  },
});
