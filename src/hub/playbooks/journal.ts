// The runner's writes to the journal. Each is one transaction that first
// reads the run row and checks the lease is still this runner's (the owner
// and the fence it got when it claimed the run), then writes the attempt, the
// run, the timers, the audit row and the events together. A runner that lost
// the run (its lease lapsed and another hub took it, or the hub closed and
// released it) gets LeaseLost and writes nothing.
import type { ActorRef, RunStatus, RunWait, StepAttempt } from '../../core/model.js';
import { ENDED_RUN_STATUSES } from '../../core/vocabulary.js';
import type { Caller } from '../caller.js';
import type { AttemptPatch, RunRecord, StoreWriter } from '../store/store.js';
import { transact, type Emit, type TransactDeps } from '../transact.js';
import { scoreIfDrillEnded } from './drill-scores.js';
import { runView } from './views.js';

export interface Lease {
  runId: string;
  owner: string;
  fence: number;
}

export class LeaseLost extends Error {
  override readonly name = 'LeaseLost';
}

/** Where the run goes once an attempt ends (or cannot start). */
export interface Transition {
  status: RunStatus;
  currentStep: string | null;
  cursorAttempt: number;
  waitingOn?: RunWait | null;
  reason?: string | null;
  /** A retry's delay: the next attempt starts once it is due. */
  retryAtMs?: number;
}

/** The runner itself in the audit log: it acts for the run's starter, recorded in the detail. */
export const RUNNER: Caller = { actor: { id: 'system', name: 'playbook runner', role: 'admin' }, channel: 'system' };

export type JournalDeps = TransactDeps;

/** A step attempt as its event carries it. */
export type StepEvent = StepAttempt & { runId: string };

async function fenced(tx: StoreWriter, lease: Lease): Promise<RunRecord> {
  const run = await tx.getRun(lease.runId);
  if (!run || run.owner !== lease.owner || run.fence !== lease.fence) throw new LeaseLost(`${lease.runId} is no longer this runner's`);
  return run;
}

async function audit(tx: StoreWriter, deps: JournalDeps, run: RunRecord, action: string, detail: Record<string, unknown>): Promise<void> {
  await tx.appendAudit({
    at: deps.now().toISOString(),
    actor: { id: RUNNER.actor.id, name: RUNNER.actor.name },
    channel: RUNNER.channel,
    action,
    target: run.id,
    detail: { actingFor: run.startedBy, drill: run.drill, ...detail },
  });
}

/** The run after `apply`, announced. A person's pause or abort since the runner last looked wins over the runner's own status. */
async function moveRun(tx: StoreWriter, emit: Emit, deps: JournalDeps, run: RunRecord, t: Transition | undefined): Promise<RunRecord> {
  if (t && run.status !== 'aborted') {
    const keep = run.status === 'paused' && !ENDED_RUN_STATUSES.includes(t.status);
    const ended = ENDED_RUN_STATUSES.includes(t.status);
    await tx.updateRun(run.id, {
      updatedAt: deps.now().toISOString(),
      currentStep: t.currentStep,
      cursorAttempt: t.cursorAttempt,
      ...(keep ? {} : { status: t.status, waitingOn: t.waitingOn ?? null, reason: t.reason ?? null }),
      ...(ended && !keep ? { endedAt: deps.now().toISOString() } : {}),
    });
    if (t.retryAtMs !== undefined && t.currentStep) {
      await tx.setTimer({ runId: run.id, stepId: t.currentStep, attempt: t.cursorAttempt, kind: 'retry', dueAt: t.retryAtMs });
    }
    if (ended) await tx.clearTimers(run.id);
  }
  const after = (await tx.getRun(run.id))!;
  if (after.status !== run.status) await audit(tx, deps, after, `playbook.run.${after.status}`, { reason: after.reason, step: after.currentStep });
  await scoreIfDrillEnded(tx, emit, after);
  emit('playbook.run', runView(after));
  return after;
}

export interface AttemptStart {
  stepId: string;
  attempt: number;
  actor: ActorRef;
  idempotencyKey: string | null;
  /** The step's timeout, due from now. */
  timeoutAtMs?: number | undefined;
}

export function startAttempt(deps: JournalDeps, lease: Lease, start: AttemptStart): Promise<StepAttempt> {
  return transact(deps, async (tx, emit) => {
    const run = await fenced(tx, lease);
    const attempt: StepAttempt = {
      stepId: start.stepId,
      attempt: start.attempt,
      status: 'started',
      output: null,
      error: null,
      startedAt: deps.now().toISOString(),
      endedAt: null,
      actor: start.actor,
      channel: run.channel,
      idempotencyKey: start.idempotencyKey,
      recoveries: 0,
      runnerMs: null,
    };
    await tx.insertAttempt(run.id, attempt);
    await tx.clearTimers(run.id, { stepId: start.stepId, attempt: start.attempt, kind: 'retry' });
    if (start.timeoutAtMs !== undefined) await tx.setTimer({ runId: run.id, stepId: start.stepId, attempt: start.attempt, kind: 'timeout', dueAt: start.timeoutAtMs });
    await audit(tx, deps, run, 'playbook.step.start', { step: start.stepId, attempt: start.attempt, idempotencyKey: start.idempotencyKey });
    emit('playbook.step', { runId: run.id, ...attempt } satisfies StepEvent);
    await moveRun(tx, emit, deps, run, { status: 'running', currentStep: start.stepId, cursorAttempt: start.attempt });
    return attempt;
  });
}

export interface AttemptEnd {
  stepId: string;
  attempt: number;
  status: 'done' | 'failed' | 'skipped';
  output: Record<string, unknown> | null;
  error: string | null;
  /** Who finished it, when not whom it acted for (the last approver). */
  actor?: ActorRef | undefined;
  /** The runner's own time on the attempt, read once this write holds the store (its commit is all it leaves out). */
  runnerMs?: (() => number) | undefined;
}

export function endAttempt(deps: JournalDeps, lease: Lease, end: AttemptEnd, next: Transition): Promise<RunRecord> {
  return transact(deps, async (tx, emit) => {
    const run = await fenced(tx, lease);
    const patch: AttemptPatch = { status: end.status, output: end.output, error: end.error, endedAt: deps.now().toISOString(), runnerMs: end.runnerMs?.(), ...(end.actor ? { actor: end.actor } : {}) };
    await tx.updateAttempt(run.id, end.stepId, end.attempt, patch);
    // A person's request (a retry) was for this attempt; what comes after acts for the starter again.
    if (run.requestedBy) await tx.updateRun(run.id, { updatedAt: deps.now().toISOString(), requestedBy: null });
    await tx.clearTimers(run.id, { stepId: end.stepId, attempt: end.attempt });
    await audit(tx, deps, run, `playbook.step.${end.status}`, { step: end.stepId, attempt: end.attempt, error: end.error, ...(end.actor ? { by: end.actor } : {}) });
    const attempt = (await tx.listAttempts(run.id)).find((a) => a.stepId === end.stepId && a.attempt === end.attempt)!;
    emit('playbook.step', { runId: run.id, ...attempt } satisfies StepEvent);
    return moveRun(tx, emit, deps, run, next);
  });
}

/** The attempt goes on (a person, a timer or a condition is awaited): the run waits, and a timer wakes it if one is due. */
export function waitOn(deps: JournalDeps, lease: Lease, stepId: string, attempt: number, on: RunWait, reason: string, wakeAtMs: number | undefined): Promise<RunRecord> {
  return transact(deps, async (tx, emit) => {
    const run = await fenced(tx, lease);
    if (wakeAtMs !== undefined) await tx.setTimer({ runId: run.id, stepId, attempt, kind: 'wake', dueAt: wakeAtMs });
    if (run.status === 'waiting' && run.waitingOn === on && run.reason === reason) return run;
    return moveRun(tx, emit, deps, run, { status: 'waiting', currentStep: stepId, cursorAttempt: attempt, waitingOn: on, reason });
  });
}

/** The runner stops and asks a person, saying why. */
export function pauseFor(deps: JournalDeps, lease: Lease, reason: string): Promise<RunRecord> {
  return transact(deps, async (tx, emit) => {
    const run = await fenced(tx, lease);
    return moveRun(tx, emit, deps, run, { status: 'paused', currentStep: run.currentStep, cursorAttempt: run.cursorAttempt, reason });
  });
}

/** A started attempt is run again after a takeover: counted, and in the audit log. */
export function recordRecovery(deps: JournalDeps, lease: Lease, attempt: StepAttempt): Promise<void> {
  return transact(deps, async (tx) => {
    const run = await fenced(tx, lease);
    await tx.updateAttempt(run.id, attempt.stepId, attempt.attempt, { recoveries: attempt.recoveries + 1 });
    await audit(tx, deps, run, 'playbook.step.recover', { step: attempt.stepId, attempt: attempt.attempt, idempotencyKey: attempt.idempotencyKey });
  });
}
