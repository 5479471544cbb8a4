// The steps a person ends: an approval (the roles it names; two distinct
// people, never the requester, when it is two-person) and a checklist (a
// person ticks each item). Each looks at what people recorded in the store;
// no thread waits for them: the run waits, and a decision wakes it.
import type { PlaybookStep } from '../../../core/model.js';
import { awaitedApproval, tallyApprovals } from '../approval-rules.js';
import type { StepExecutor } from './step-executor.js';

type Approval = Extract<PlaybookStep, { type: 'approval' }>;
type Checklist = Extract<PlaybookStep, { type: 'checklist' }>;

export const approvalStep: StepExecutor<Approval> = {
  effect: 'local',
  keyed: false,
  describe: (step) => `approval by ${step['two-person'] ? 'two people other than the requester' : 'one person'} with the ${step.roles.join(' or ')} role`,
  async run(step, sc) {
    const tally = tallyApprovals(step, sc.run, sc.attempt.number, await sc.env.ctx.store.listApprovals(sc.run.id));
    if (tally.rejected) {
      const { actor, reason } = tally.rejected;
      return { status: 'failed', error: `rejected by ${actor.name}${reason ? `: ${reason}` : ''}`, output: { rejectedBy: actor } };
    }
    if (tally.approvedBy.length >= tally.needed) return { status: 'done', output: { approvedBy: tally.approvedBy }, actor: tally.approvedBy.at(-1)! };
    return { status: 'waiting', on: 'approval', reason: awaitedApproval(step, tally) };
  },
};

export const checklistStep: StepExecutor<Checklist> = {
  effect: 'local',
  keyed: false,
  describe: (step) => `checklist of ${step.items.length}: ${step.items.map((i, n) => `${n + 1}. ${i.en}`).join('; ')}`,
  async run(step, sc) {
    const ticks = (await sc.env.ctx.store.listChecklist(sc.run.id)).filter((t) => t.stepId === step.id && t.attempt === sc.attempt.number);
    const ticked = new Set(ticks.map((t) => t.item));
    const open = step.items.map((_, n) => n + 1).filter((n) => !ticked.has(n));
    if (open.length === 0) return { status: 'done', output: { confirmedBy: [...new Map(ticks.map((t) => [t.actor.id, t.actor])).values()] }, actor: ticks.at(-1)!.actor };
    return {
      status: 'waiting',
      on: 'checklist',
      reason: `waiting for ${step.id}: ${ticked.size} of ${step.items.length} items confirmed; open: ${open.join(', ')}`,
    };
  },
};
