// `playbook list`: every playbook the hub can run — the built-in ones and the operator's own.
import { playbookSummaryJson } from '../../render/playbook-json.js';
import { renderPlaybookTable } from '../../render/playbooks.js';
import { defineVerb } from '../verb.js';

export const playbookList = defineVerb({
  name: 'list',
  description: 'the playbooks the hub can run: id, title, severity, version, triggers, source',
  metadata: { examples: ['playbook list', 'playbook ls --json'] },
  input: () => ({}),
  run: (_input, ctx) => ctx.client().listPlaybooks(),
  present: {
    text: (list, view) => (list.length ? renderPlaybookTable(list, view) : ''),
    note: (list) => (list.length ? undefined : 'the hub has no playbooks'),
    json: (list) => ({ playbooks: list.map(playbookSummaryJson) }),
  },
});
