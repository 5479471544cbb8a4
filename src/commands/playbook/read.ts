// `playbook runs [--state S]` and `playbook status RUN`: reading runs.
import { Option } from 'commander';
import { RUN_STATUSES, type RunStatus } from '../../core/vocabulary.js';
import { runDetailJson, runJson } from '../../render/playbook-run-json.js';
import { renderRunDetail, renderRunsTable } from '../../render/playbook-runs.js';
import { defineVerb } from '../verb.js';
import { runIdArgument } from './run-argument.js';

export const playbookRuns = defineVerb({
  name: 'runs',
  description: 'list playbook runs, newest first',
  metadata: { examples: ['playbook runs', 'playbook runs --state active', 'playbook runs --playbook egate-bank-failure --json'] },
  configure: (command) =>
    void command
      .addOption(new Option('--state <state>', 'only runs in this state (active: running, waiting or paused)').choices([...RUN_STATUSES, 'active']))
      .option('--playbook <id>', 'only runs of this playbook'),
  input: (_args: [], o: { state?: RunStatus | 'active'; playbook?: string }) => ({ state: o.state, playbook: o.playbook }),
  run: (input, ctx) => ctx.client().listRuns(input),
  present: {
    text: (runs, view) => renderRunsTable(runs, view),
    note: (runs) => (runs.length ? undefined : 'no runs match'),
    json: (runs) => ({ runs: runs.map(runJson) }),
  },
});

export const playbookStatus = defineVerb({
  name: 'status',
  description: 'one run: its steps and attempts, approvals and notes',
  metadata: { examples: ['playbook status RUN-000012', 'playbook status 12 --json'] },
  configure: (command) => void command.addArgument(runIdArgument()),
  input: ([id]: [string]) => ({ id }),
  run: (input, ctx) => ctx.client().getRun(input.id),
  present: {
    text: (detail, view) => renderRunDetail(detail, view),
    json: runDetailJson,
  },
});
