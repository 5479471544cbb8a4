// `maintenance list [--all]`: windows pending or under way (--all: those over too).
import { renderSilenceTable, SILENCE_FIELDS, silenceJson } from '../../render/silences.js';
import { defineVerb } from '../verb.js';

export const maintenanceList = defineVerb({
  name: 'list',
  description: 'maintenance windows pending or under way, newest first (--all: those over too)',
  metadata: { examples: ['maintenance list', 'maintenance list --all --json id,siteId,startsAt,endsAt'] },
  configure: (command) => void command.option('--all', 'also windows that have ended or were cancelled'),
  input: (_args: [], { all }: { all?: boolean }) => ({ all: all === true }),
  run: (input, ctx) => ctx.client().listMaintenance({ all: input.all }),
  present: {
    text: (windows, view) => (windows.length ? renderSilenceTable(windows, view) : ''),
    note: (windows) => (windows.length ? undefined : 'no maintenance windows'),
    json: (windows) => ({ silences: windows.map(silenceJson) }),
    jsonFields: { key: 'silences', fields: SILENCE_FIELDS },
  },
});
