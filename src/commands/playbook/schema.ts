// `playbook schema`: the playbook format as JSON Schema, for an editor to check
// files with (docs/playbook.schema.json is this output).
import { defineVerb } from '../verb.js';

export const playbookSchema = defineVerb({
  name: 'schema',
  description: 'print the playbook format as JSON Schema (docs/playbook.schema.json), for editors',
  metadata: {
    refusedInChat: { en: 'it prints a file for an editor; run it in a terminal', ar: 'يطبع ملفاً لمحرر النصوص؛ نفّذه في الطرفية' },
    examples: ['playbook schema > playbook.schema.json'],
  },
  input: () => ({}),
  async run() {
    // zod builds it, and stays off every other command's start-up.
    const { playbookJsonSchema } = await import('../../core/model/playbook-json-schema.js');
    return playbookJsonSchema();
  },
  present: {
    // Our own text: the schema as the docs file holds it.
    ownText: true,
    text: (schema) => JSON.stringify(schema, null, 2),
    json: (schema) => schema,
  },
});
