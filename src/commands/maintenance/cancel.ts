// `maintenance cancel ID`: ends a window now, or before it starts.
import { Argument } from 'commander';
import { silenceJson } from '../../render/silences.js';
import { defineVerb } from '../verb.js';

export const maintenanceCancel = defineVerb({
  name: 'cancel',
  description: 'cancel a maintenance window, pending or under way (supervisors)',
  metadata: { examples: ['maintenance cancel MW-7'] },
  configure: (command) => void command.addArgument(new Argument('<id>', 'the window id from `maintenance list`')),
  input: ([id]: [string]) => ({ id: id.trim() }),
  run: (input, ctx) => ctx.client().cancelMaintenance(input.id),
  present: {
    text: (window) => `cancelled ${window.id}`,
    json: (window) => ({ silence: silenceJson(window) }),
  },
});
