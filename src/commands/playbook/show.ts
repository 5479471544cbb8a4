// `playbook show ID`: one playbook as an officer reads it before running it —
// metadata, inputs, triggers, and each step with its timeouts and routes.
import { playbookDetailJson } from '../../render/playbook-json.js';
import { renderPlaybookDetail } from '../../render/playbooks.js';
import { defineVerb } from '../verb.js';
import { playbookIdArgument } from './playbook-argument.js';

export const playbookShow = defineVerb({
  name: 'show',
  description: 'one playbook: what it is for, its inputs, triggers and steps',
  metadata: { examples: ['playbook show national-platform-outage', 'playbook show egate-bank-failure --lang ar'] },
  configure: (command) => void command.addArgument(playbookIdArgument()),
  input: ([id]: [string]) => ({ id: id.trim() }),
  run: (input, ctx) => ctx.client().getPlaybook(input.id),
  present: {
    text: (playbook, view) => renderPlaybookDetail(playbook, view),
    json: (playbook) => ({ playbook: playbookDetailJson(playbook) }),
  },
});
