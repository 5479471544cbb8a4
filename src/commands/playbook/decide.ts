// `playbook approve|reject RUN [--step S]` and `playbook confirm RUN ITEM…`:
// deciding at the step a run waits on. Who may is the hub's to say (the roles
// the step names; two people other than the requester for a two-person step).
// Checklist items have a verb of their own rather than folding into approve:
// ticking an item is an officer's "done", an approval is a decision by the
// roles a step names, and the two are audited and refused differently.
import { UsageError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';
import { runChangePresenter } from './change.js';
import { runIdArgument } from './run-argument.js';

export const playbookApprove = defineVerb({
  name: 'approve',
  description: 'approve the step a run waits on',
  metadata: { examples: ['playbook approve RUN-000012', 'playbook approve 12 --step approve-isolation'] },
  configure: (command) => void command.addArgument(runIdArgument()).option('--step <step>', 'the step (default: the one the run waits on)'),
  input: ([id]: [string], o: { step?: string }) => ({ id, step: o.step }),
  run: (input, ctx) => ctx.client().approveStep(input.id, input.step ? { step: input.step } : {}),
  present: runChangePresenter('approve'),
});

export const playbookReject = defineVerb({
  name: 'reject',
  description: 'reject the step a run waits on (the run fails there unless its playbook says otherwise)',
  metadata: { examples: ['playbook reject 12 --reason "gates back without isolation"', 'playbook reject RUN-000012 --step approve-isolation --reason "SOC says false alarm"'] },
  configure: (command) =>
    void command.addArgument(runIdArgument()).option('--step <step>', 'the step (default: the one the run waits on)').option('--reason <text>', 'why, for the run and the audit log'),
  input: ([id]: [string], o: { step?: string; reason?: string }) => ({ id, step: o.step, reason: o.reason }),
  run: (input, ctx) => ctx.client().rejectStep(input.id, { ...(input.step ? { step: input.step } : {}), ...(input.reason ? { reason: input.reason } : {}) }),
  present: runChangePresenter('reject'),
});

export const playbookConfirm = defineVerb({
  name: 'confirm',
  description: 'confirm checklist items of the step a run waits on (numbers as `playbook status` lists them)',
  metadata: { examples: ['playbook confirm RUN-000012 1 2'] },
  configure: (command) => void command.addArgument(runIdArgument()).argument('<item...>', 'item numbers, from 1').option('--step <step>', 'the step (default: the one the run waits on)'),
  input([id, items]: [string, string[]], o: { step?: string }) {
    const numbers = items.map((t) => (/^\d{1,3}$/.test(t) && Number(t) >= 1 ? Number(t) : NaN));
    const bad = items.filter((_, i) => Number.isNaN(numbers[i]));
    if (bad.length) throw new UsageError(`checklist items are numbers from 1: ${bad.join(', ')}`);
    return { id, items: numbers, step: o.step };
  },
  run: (input, ctx) => ctx.client().confirmItems(input.id, input.items, input.step),
  present: runChangePresenter('confirm'),
});
