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

// A chat user's actor reads `Name (slack:U0123)`, the name the bot's identity map gives them.
const CHAT_SUFFIX = / \([a-z]+:[^()]+\)$/;

/**
 * The person behind an actor, as the two-person rule counts people: a token is
 * its name (one per person: `tokens create --name layla`), a chat user the name
 * the bot's identity map gives them. So Layla's own token and the Slack user
 * mapped to "Layla" are one person, whichever channel each decision came
 * through. Folding two actors into one person only ever refuses more.
 */
export const personOf = (actor: ActorRef): string => actor.name.replace(CHAT_SUFFIX, '').trim().toLowerCase();

/** The same person: the same actor, or the same name across tokens and chat. */
export const samePerson = (a: ActorRef, b: ActorRef): boolean => a.id === b.id || personOf(a) === personOf(b);

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
  if (decision === 'approved' && step['two-person'] && samePerson(caller.actor, run.startedBy)) {
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
    if (step['two-person'] && samePerson(a.actor, run.startedBy)) continue;
    if (!approvedBy.has(personOf(a.actor))) approvedBy.set(personOf(a.actor), a.actor);
  }
  return { approvedBy: [...approvedBy.values()], rejected: mine.find((a) => a.decision === 'rejected'), needed: approversNeeded(step) };
}

/** What a waiting approval waits for, in words. */
export function awaitedApproval(step: Approval, tally: ApprovalTally): string {
  const people = tally.needed === 2 ? 'two people other than the requester' : 'one person';
  return `waiting for approval of ${step.id} by ${people} with the ${rolesText(step)} role (${tally.approvedBy.length} of ${tally.needed})`;
}
