// A person steering a run: pause, resume, abort, retry the step it stopped
// at, add a note. Each is one transaction on the run row (the runner re-reads
// it before every move, so a pause or abort wins over the runner's next
// step); the runner is nudged after commit. Resume goes on from where the
// run stands: a step that failed, or whose outcome a crash left unknown, is
// passed over (it is in the journal as it was, and the audit log says who
// went on without it); retry runs that step again as the person asking.
import { ConflictError } from '../../core/errors.js';
import type { PlaybookRun, RunChange } from '../../core/model.js';
import { refOf, type Caller } from '../caller.js';
import type { RunRecord, StoreWriter } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import { recordPersonChange, refuseIfEnded, runOrNotFound } from './person-writes.js';
import { afterDone, stepNamed } from './routing.js';
import { executorOf } from './steps/executors.js';
import { transitionTo } from './transitions.js';
import { runView } from './views.js';

const unchanged = (run: RunRecord): RunChange => ({ run: runView(run), changed: false });

/** The attempt at the run's cursor, and whether a crash left its outcome unknown (a started step with no safe re-run). */
async function cursorState(tx: StoreWriter, run: RunRecord) {
  const step = run.currentStep === null ? undefined : stepNamed(run.definition, run.currentStep);
  const attempts = await tx.listAttempts(run.id);
  const attempt = step && attempts.find((a) => a.stepId === step.id && a.attempt === run.cursorAttempt);
  const unknown = attempt?.status === 'started' && step !== undefined && executorOf(step).effect === 'none';
  return { step, attempts, attempt, unknown };
}

export function pauseRun(deps: TransactDeps, caller: Caller, id: string, reason?: string): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    refuseIfEnded(run, 'pause');
    if (run.status === 'paused') return unchanged(run);
    const at = deps.now().toISOString();
    await tx.updateRun(run.id, { updatedAt: at, status: 'paused', waitingOn: null, reason: `paused by ${caller.actor.name}${reason ? `: ${reason}` : ''}` });
    return { run: await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.pause', { reason: reason ?? null }), changed: true };
  });
}

export function resumeRun(deps: TransactDeps, caller: Caller, id: string): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    refuseIfEnded(run, 'resume');
    if (run.status !== 'paused') return unchanged(run);
    const at = deps.now().toISOString();
    const { step, attempts, attempt, unknown } = await cursorState(tx, run);
    let passedOver: string | null = null;
    if (step && attempt && (attempt.status === 'failed' || unknown)) {
      passedOver = step.id;
      if (unknown) {
        await tx.updateAttempt(run.id, step.id, attempt.attempt, { status: 'skipped', endedAt: at, error: `outcome unknown after the hub stopped; ${caller.actor.name} went on without it` });
      }
      const t = transitionTo(afterDone(run.definition, step, undefined), { stepId: step.id, attempt: attempt.attempt, error: null, nowMs: deps.now().getTime(), attempts, runId: run.id });
      await tx.updateRun(run.id, { updatedAt: at, status: t.status, currentStep: t.currentStep, cursorAttempt: t.cursorAttempt, waitingOn: null, reason: null, ...(t.status === 'succeeded' ? { endedAt: at } : {}) });
    } else {
      await tx.updateRun(run.id, { updatedAt: at, status: 'running', waitingOn: null, reason: null });
    }
    return { run: await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.resume', { passedOver }), changed: true };
  });
}

export function abortRun(deps: TransactDeps, caller: Caller, id: string, reason?: string): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    if (run.status === 'aborted') return unchanged(run);
    refuseIfEnded(run, 'abort');
    const at = deps.now().toISOString();
    await tx.updateRun(run.id, { updatedAt: at, endedAt: at, status: 'aborted', waitingOn: null, reason: `aborted by ${caller.actor.name}${reason ? `: ${reason}` : ''}` });
    await tx.clearTimers(run.id);
    return { run: await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.abort', { reason: reason ?? null, step: run.currentStep }), changed: true };
  });
}

export function retryStep(deps: TransactDeps, caller: Caller, id: string, stepId: string): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    if (run.status !== 'failed' && run.status !== 'paused') {
      throw new ConflictError(`${run.id} is ${run.status}; only a run that failed or is paused retries a step`, { details: { status: run.status } });
    }
    const { step, attempt, unknown } = await cursorState(tx, run);
    if (!step || step.id !== stepId || !attempt || !(attempt.status === 'failed' || unknown)) {
      throw new ConflictError(`${run.id} stopped at ${run.currentStep ?? 'no step'}; step ${stepId} is not one to retry`, {
        hint: step && attempt && (attempt.status === 'failed' || unknown) ? `retry ${step.id}` : 'only a step that failed, or whose outcome a crash left unknown, can be retried',
        details: { currentStep: run.currentStep },
      });
    }
    const at = deps.now().toISOString();
    if (unknown) await tx.updateAttempt(run.id, step.id, attempt.attempt, { status: 'failed', endedAt: at, error: `outcome unknown after the hub stopped; retried by ${caller.actor.name}` });
    await tx.updateRun(run.id, {
      updatedAt: at,
      status: 'running',
      waitingOn: null,
      reason: null,
      endedAt: null,
      cursorAttempt: attempt.attempt + 1,
      requestedBy: { ...refOf(caller.actor), role: caller.actor.role },
    });
    return { run: await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.retry', { step: step.id, attempt: attempt.attempt + 1 }), changed: true };
  });
}

export function noteRun(deps: TransactDeps, caller: Caller, id: string, text: string): Promise<RunChange> {
  return transact(deps, async (tx, emit) => {
    const run = await runOrNotFound(tx, id);
    const at = deps.now().toISOString();
    await tx.insertRunNote(run.id, { at, actor: refOf(caller.actor), channel: caller.channel, text });
    await tx.updateRun(run.id, { updatedAt: at });
    const view: PlaybookRun = await recordPersonChange(tx, emit, caller, at, run, 'playbook.run.note', { text });
    return { run: view, changed: true };
  });
}
