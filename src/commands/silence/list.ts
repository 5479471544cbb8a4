// `silence list [--all]`: the silences in force (active, or --all with those over).
import { renderSilenceTable, SILENCE_FIELDS, silenceJson } from '../../render/silences.js';
import { defineVerb } from '../verb.js';

export const silenceList = defineVerb({
  name: 'list',
  description: 'silences in force, newest first (--all: those over too)',
  metadata: { examples: ['silence list', 'silence list --all --json id,state,reason'] },
  configure: (command) => void command.option('--all', 'also silences that have ended'),
  input: (_args: [], { all }: { all?: boolean }) => ({ all: all === true }),
  run: (input, ctx) => ctx.client().listSilences({ all: input.all }),
  present: {
    text: (silences, view) => (silences.length ? renderSilenceTable(silences, view) : ''),
    note: (silences) => (silences.length ? undefined : 'no silences'),
    json: (silences) => ({ silences: silences.map(silenceJson) }),
    jsonFields: { key: 'silences', fields: SILENCE_FIELDS },
  },
});
