// `playbook history ID`: every version of a playbook the hub has loaded, when
// each was first seen, and the runs that used it; * marks the one loaded now.
import { playbookHistoryJson } from '../../render/playbook-json.js';
import { renderPlaybookHistory } from '../../render/playbooks.js';
import { defineVerb } from '../verb.js';
import { playbookIdArgument } from './playbook-argument.js';

export const playbookHistory = defineVerb({
  name: 'history',
  description: 'the versions of a playbook the hub has loaded, and which runs used each',
  metadata: { examples: ['playbook history egate-bank-failure', 'playbook history national-platform-outage --json'] },
  configure: (command) => void command.addArgument(playbookIdArgument()),
  input: ([id]: [string]) => ({ id: id.trim() }),
  run: (input, ctx) => ctx.client().playbookHistory(input.id),
  present: {
    text: (history, view) => renderPlaybookHistory(history, view),
    json: (history) => playbookHistoryJson(history),
  },
});
