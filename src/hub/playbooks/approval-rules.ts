// Who may approve a step, and when a step has been approved: the rule lives
// here, in the hub, so it holds for every channel alike (the CLI, the API, a
// chat bot acting for a chat user — who counts as that user, not as the bot).
// A step names the roles that may decide (each role also covers those below
// it); a two-person step needs two distinct people, and the person who
// requested the run is never one of them. Pure functions of the run.
import { ForbiddenError } from '../../core/errors.js';
import type { ActorRef, PlaybookStep, RunApproval } from '../../core/model.js';
import { roleAtLeast } from '../../core/vocabulary.js';
import type { Caller } from '../caller.js';
import type { RunRecord } from '../store/store.js';

type Approval = Extract<PlaybookStep, { type: 'approval' }>;

export const approversNeeded = (step: Approval): number => (step['two-person'] ? 2 : 1);

const rolesText = (step: Approval) => step.roles.join(' or ');

/** Throws ForbiddenError unless `caller` may approve (or reject) this step of this run. */
export function checkMayDecide(step: Approval, run: RunRecord, caller: Caller, decision: RunApproval['decision']): void {
  const { role } = caller.actor;
  const who = caller.via ? `${caller.actor.name} (through ${caller.via})` : caller.actor.name;
  if (!step.roles.some((needed) => roleAtLeast(role, needed))) {
    throw new ForbiddenError(`${decision === 'approved' ? 'approving' : 'rejecting'} step ${step.id} of ${run.id} needs the ${rolesText(step)} role; ${who} is ${role}`, {
      hint: `ask someone with the ${rolesText(step)} role`,
      details: { needed: step.roles, role },
    });
  }
  // Rejecting stops the action, which the requester may always want; approving it is for others.
  if (decision === 'approved' && step['two-person'] && caller.actor.id === run.startedBy.id) {
    throw new ForbiddenError(`step ${step.id} of ${run.id} needs two people other than its requester; ${who} started this run`, {
      hint: `two others with the ${rolesText(step)} role approve it: \`watchfloor playbook approve ${run.id}\``,
      details: { needed: 'another person', requester: run.startedBy },
    });
  }
}

export interface ApprovalTally {
  approvedBy: ActorRef[];
  rejected: RunApproval | undefined;
  needed: number;
}

/** Where an attempt of an approval step stands. The requester's approval never counts, whatever the store holds. */
export function tallyApprovals(step: Approval, run: RunRecord, attempt: number, approvals: readonly RunApproval[]): ApprovalTally {
  const mine = approvals.filter((a) => a.stepId === step.id && a.attempt === attempt);
  const approvedBy = new Map<string, ActorRef>();
  for (const a of mine) {
    if (a.decision !== 'approved') continue;
    if (step['two-person'] && a.actor.id === run.startedBy.id) continue;
    approvedBy.set(a.actor.id, a.actor);
  }
  return { approvedBy: [...approvedBy.values()], rejected: mine.find((a) => a.decision === 'rejected'), needed: approversNeeded(step) };
}

/** What a waiting approval waits for, in words. */
export function awaitedApproval(step: Approval, tally: ApprovalTally): string {
  const people = tally.needed === 2 ? 'two people other than the requester' : 'one person';
  return `waiting for approval of ${step.id} by ${people} with the ${rolesText(step)} role (${tally.approvedBy.length} of ${tally.needed})`;
}
