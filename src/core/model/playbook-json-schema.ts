// The playbook format as JSON Schema, generated from the zod definition so an
// editor checks a file by the same rules the hub loads it with (the
// `# yaml-language-server: $schema=…` line atop each file points at it).
// docs/playbook.schema.json is this, written by `npm run playbook-schema` and
// held current by a test; `watchfloor playbook schema` prints it.
import { z } from 'zod';
import { BilingualText, PlaybookCondition, PlaybookDefinition, PlaybookDuration, PlaybookStep, StepOutcomeRoute } from './playbooks.js';

// What zod's refinements check cannot be said in JSON Schema; these say it for editors.
const DURATION_PATTERN = '^[0-9]{1,20}[smhd]$';

export function playbookJsonSchema(): Record<string, unknown> {
  const names = z.registry<Record<string, unknown>>();
  names.add(BilingualText, { id: 'BilingualText', description: 'The same text in English (en) and Arabic (ar).' });
  names.add(PlaybookDuration, { id: 'Duration', pattern: DURATION_PATTERN, description: 'A duration like 30s, 5m, 2h or 1d.' });
  names.add(StepOutcomeRoute, { id: 'StepOutcomeRoute', description: 'Where a run goes when a step fails or times out.' });
  names.add(PlaybookCondition, { id: 'Condition', description: 'A condition on live data, read when a wait or branch step checks it.' });
  names.add(PlaybookStep, { id: 'Step', description: 'One step; `type` says which kind and which fields it takes.' });
  const schema = z.toJSONSchema(PlaybookDefinition, { io: 'input', metadata: names, reused: 'inline' });
  return {
    $schema: schema.$schema,
    title: 'watchfloor playbook',
    description:
      'A crisis response prepared in advance (see README, "Playbooks"). Strings in steps may name inputs as ${name}, ' +
      'and ${incident}, ${site}, ${asset} of the run.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
