// People deciding at a step the run waits on: approving or rejecting an
// approval step (approval-rules.ts says who may), ticking a checklist's items.
// Each decision is stored once per person per attempt of the step (the
// store's key refuses a second), audited with the channel and the chat user a
// bot acted for, and wakes the runner, which reads the decisions again.
import { ConflictError, UsageError } from '../../core/errors.js';
import type { PlaybookStep, RunApproval, RunChange } from '../../core/model.js';
import { refOf, type Caller } from '../caller.js';
import type { RunRecord, StoreWriter } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import { checkMayDecide, samePerson } from './approval-rules.js';
import { recordPersonChange, refuseIfEnded, runOrNotFound } from './person-writes.js';
import { stepNamed } from './routing.js';
import { runView } from './views.js';

/** The step the run waits at, if it is of `type`, with its attempt under way; else why not. */
async function waitingStep<T extends PlaybookStep['type']>(tx: StoreWriter, run: RunRecord, type: T, named: string | undefined, verb: string) {
  refuseIfEnded(run, verb);
  const step = run.currentStep === null ? undefined : stepNamed(run.definition, run.currentStep);
  if (named !== undefined && named !== run.currentStep) {
    throw new ConflictError(`${run.id} is at step ${run.currentStep ?? '(none)'}, not ${named}`, { details: { currentStep: run.currentStep } });
  }
  if (!step || step.type !== type) {
    throw new ConflictError(`${run.id} is at ${step ? `${step.type} step ${step.id}` : 'no step'}: there is no ${type} to ${verb}`, { details: { currentStep: run.currentStep } });
  }
  const attempt = (await tx.listAttempts(run.id)).find((a) => a.stepId === step.id && a.attempt === run.cursorAttempt);
  if (attempt?.status !== 'started') throw new ConflictError(`step ${step.id} of ${run.id} is not waiting for anyone now`);
  return { step: step as Extract<PlaybookStep, { type: T }>, attempt: attempt.attempt };
}

export function decideApproval(deps: TransactDeps, caller: Caller, id: string, decision: RunApproval['decision'], request: { step?: string | undefined; reason?: string | undefined }): Promise<RunChange> {
  const verb = decision === 'approved' ? 'approve' : 'reject';
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    const { step, attempt } = await waitingStep(tx, run, 'approval', request.step, verb);
    checkMayDecide(step, run, caller, decision);
    const at = deps.now().toISOString();
    // The store's key tells actors apart; one person through two channels (a token, a chat user) is caught here.
    const sameAttempt = (await tx.listApprovals(run.id)).filter((a) => a.stepId === step.id && a.attempt === attempt);
    const byThem = sameAttempt.find((a) => samePerson(a.actor, caller.actor));
    const stored = !byThem && (await tx.insertApproval(run.id, { stepId: step.id, attempt, decision, actor: refOf(caller.actor), channel: caller.channel, at, reason: request.reason ?? null }));
    if (!stored) {
      const earlier = byThem ?? (await tx.listApprovals(run.id)).find((a) => a.stepId === step.id && a.attempt === attempt && a.actor.id === caller.actor.id);
      const as = earlier && earlier.actor.id !== caller.actor.id ? ` (as ${earlier.actor.name}, through ${earlier.channel})` : '';
      throw new ConflictError(`${caller.actor.name} already ${earlier?.decision ?? 'decided on'} step ${step.id} of ${run.id}${as}; one person counts once`, {
        hint: step['two-person'] ? 'a two-person step needs a second, different person' : undefined,
        details: { decision: earlier?.decision ?? null },
      });
    }
    await tx.updateRun(run.id, { updatedAt: at });
    const view = await recordPersonChange(tx, emit, caller, at, run, `playbook.run.${verb}`, { step: step.id, attempt, reason: request.reason ?? null, twoPerson: step['two-person'] === true });
    return { run: view, changed: true };
  });
}

export function confirmItems(deps: TransactDeps, caller: Caller, id: string, request: { step?: string | undefined; items: readonly number[] }): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    const { step, attempt } = await waitingStep(tx, run, 'checklist', request.step, 'confirm');
    const beyond = request.items.filter((n) => n > step.items.length);
    if (beyond.length) throw new UsageError(`step ${step.id} has ${step.items.length} items; there is no item ${beyond.join(', ')}`);
    const at = deps.now().toISOString();
    const ticked: number[] = [];
    for (const item of new Set(request.items)) {
      if (await tx.insertChecklistTick(run.id, { stepId: step.id, attempt, item, actor: refOf(caller.actor), channel: caller.channel, at })) ticked.push(item);
    }
    if (!ticked.length) return { run: runView(run), changed: false };
    await tx.updateRun(run.id, { updatedAt: at });
    return { run: await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.confirm', { step: step.id, attempt, items: ticked }), changed: true };
  });
}
