// `incidents note ID TEXT`
import { UsageError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';
import { incidentIdArgument } from './incident-argument.js';
import { normalizeIncidentId } from './incident-id.js';
import { mutationPresenter } from './mutation.js';

export const incidentsNote = defineVerb({
  name: 'note',
  description: 'add a note to the timeline',
  metadata: { examples: ['incidents note 42 vendor engineer on the way'] },
  configure: (command) => void command.addArgument(incidentIdArgument(true)).argument('<text...>', 'the note (quotes optional)'),
  input([id, words]: [string, string[]]) {
    const text = words.join(' ').trim();
    if (!text) throw new UsageError('the note is empty');
    return { id, text };
  },
  run: async (input, ctx) => ctx.client().note(normalizeIncidentId(input.id), input.text),
  present: mutationPresenter('note'),
});
