// Drives one run, under its lease, as far as it can go now: each turn reads
// the journal, starts the step at the cursor (or finds it started), runs its
// executor and records how it ended, until the run ends, waits (for a timer,
// a condition or a person: the turn stops, nothing is held), or is paused.
//
// A step left `started` is the trace of a hub that stopped mid-step (steps
// that reach devices run start-to-end within one turn; only waiting steps are
// left started on purpose, and those are all local). It runs again only if its
// effect is idempotent at the device (same key: the device replays) or local
// to the store; otherwise the run pauses and says why. It never guesses.
import type { PlaybookStep, StepAttempt } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { RunRecord } from '../store/store.js';
import { endAttempt, pauseFor, recordRecovery, startAttempt, waitOn, type Lease } from './journal.js';
import { afterDone, afterFailure, afterTimeout, stepNamed, type Route } from './routing.js';
import { executorOf } from './steps/executors.js';
import { realFromWorldMs, timeoutRealMs } from './drill-clock.js';
import type { RunnerEnv, StepOutcome } from './steps/step-executor.js';
import { stepIdempotencyKey } from './step-key.js';
import { transitionTo } from './transitions.js';

// A step visited this often in one run is a loop in the playbook, not a response.
const MAX_ATTEMPTS_PER_STEP = 100;

type TimedOut = { status: 'timed-out' };

/** The executor's outcome, or timed-out once the attempt's deadline passes (its work may go on; its answer is ignored). */
async function withDeadline(work: Promise<StepOutcome>, deadlineMs: number | undefined, nowMs: number): Promise<StepOutcome | TimedOut> {
  if (deadlineMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<TimedOut>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timed-out' }), Math.max(0, deadlineMs - nowMs));
    timer.unref();
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Who an attempt acts as: whoever asked for it (a retry), else the starter, with the role they had then. */
function actingCaller(run: RunRecord): Caller {
  const who = run.requestedBy ?? { ...run.startedBy, role: run.startedByRole };
  // A drill's diagnostics, remediations, assignments and mode switches say so in the audit log.
  return { actor: { id: who.id, name: who.name, role: who.role }, channel: run.channel, ...(run.drill ? { drillRunId: run.id } : {}) };
}

export class RunDriver {
  constructor(
    private readonly env: RunnerEnv,
    private readonly lease: Lease,
  ) {}

  private get deps() {
    return this.env.ctx;
  }

  private now(): number {
    return this.deps.now().getTime();
  }

  /** Turns until the run stops moving; returns when it ended, waits, paused, or the lease was lost. */
  async drive(): Promise<void> {
    for (;;) {
      const run = await this.deps.store.getRun(this.lease.runId);
      if (!run || run.owner !== this.lease.owner || run.fence !== this.lease.fence) return;
      if (run.status !== 'running' && run.status !== 'waiting') return;
      if (!(await this.turn(run))) return;
    }
  }

  /** One move; false when the run stopped moving for now. */
  private async turn(run: RunRecord): Promise<boolean> {
    const step = run.currentStep === null ? undefined : stepNamed(run.definition, run.currentStep);
    if (!step) {
      await pauseFor(this.deps, this.lease, `the run is at step ${run.currentStep ?? '(none)'}, which its playbook does not have`);
      return false;
    }
    const [attempts, timers] = await Promise.all([this.deps.store.listAttempts(run.id), this.deps.store.listTimers(run.id)]);
    const attempt = attempts.find((a) => a.stepId === step.id && a.attempt === run.cursorAttempt);
    const now = this.now();
    const timerOf = (kind: string) => timers.find((t) => t.kind === kind && t.stepId === step.id && t.attempt === run.cursorAttempt);

    if (!attempt) {
      const retry = timerOf('retry');
      if (retry && retry.dueAt > now) return false;
      if (run.cursorAttempt > MAX_ATTEMPTS_PER_STEP) {
        await pauseFor(this.deps, this.lease, `step ${step.id} was tried ${MAX_ATTEMPTS_PER_STEP} times in this run: a loop in the playbook?`);
        return false;
      }
      return this.start(run, step, attempts);
    }
    if (attempt.status !== 'started') {
      await pauseFor(this.deps, this.lease, `step ${step.id} attempt ${attempt.attempt} is ${attempt.status} but the run did not move on`);
      return false;
    }
    const timeout = timerOf('timeout');
    if (timeout && timeout.dueAt <= now) return this.timedOut(run, step, attempt, attempts);
    const executor = executorOf(step);
    if (executor.effect === 'none') {
      await pauseFor(
        this.deps,
        this.lease,
        `step ${step.id} (${step.type}) was under way when the hub stopped, and whether it took effect cannot be told: check, then \`watchfloor playbook retry ${run.id} ${step.id}\` to run it again or \`watchfloor playbook resume ${run.id}\` to go on as if it had`,
      );
      return false;
    }
    if (executor.effect === 'device') await recordRecovery(this.deps, this.lease, attempt);
    return this.execute(run, step, attempt, attempts, performance.now(), timeout?.dueAt);
  }

  private async start(run: RunRecord, step: PlaybookStep, attempts: readonly StepAttempt[]): Promise<boolean> {
    const t0 = performance.now();
    const executor = executorOf(step);
    const reachesDevices = step.type === 'diagnose' || step.type === 'remediate';
    const deadline = step.timeout === undefined ? undefined : this.now() + timeoutRealMs(run, step.timeout, reachesDevices);
    const caller = actingCaller(run);
    const attempt = await startAttempt(this.deps, this.lease, {
      stepId: step.id,
      attempt: run.cursorAttempt,
      actor: { id: caller.actor.id, name: caller.actor.name },
      idempotencyKey: executor.keyed ? stepIdempotencyKey(run.id, step.id, run.cursorAttempt) : null,
      timeoutAtMs: deadline,
    });
    return this.execute(run, step, attempt, [...attempts, attempt], t0, deadline);
  }

  private async execute(run: RunRecord, step: PlaybookStep, attempt: StepAttempt, attempts: readonly StepAttempt[], t0: number, deadline: number | undefined): Promise<boolean> {
    const caller = actingCaller(run);
    const t1 = performance.now();
    const outcome = await withDeadline(
      executorOf(step).run(step, {
        env: this.env,
        run,
        attempt: { number: attempt.attempt, startedAtMs: Date.parse(attempt.startedAt), idempotencyKey: attempt.idempotencyKey, actor: attempt.actor },
        caller,
        scope: run,
      }),
      deadline,
      this.now(),
    );
    const t2 = performance.now();
    // The runner's own time: before the step's work, and after it up to the end's write.
    const runnerMs = () => Math.round((t1 - t0 + performance.now() - t2) * 1000) / 1000;
    if (outcome.status === 'timed-out') return this.timedOut(run, step, attempt, attempts);
    if (outcome.status === 'waiting') {
      await waitOn(this.deps, this.lease, step.id, attempt.attempt, outcome.on, outcome.reason, outcome.wakeAtMs);
      return false;
    }
    const planned: Route =
      outcome.status === 'failed' ? afterFailure(run.definition, step, attempt.attempt) : afterDone(run.definition, step, outcome.status === 'done' ? outcome.next : undefined);
    // A retry's delay is written in the playbook's minutes: a drill waits it on its own clock.
    const route: Route = planned.kind === 'retry' ? { ...planned, afterMs: realFromWorldMs(run, planned.afterMs) } : planned;
    const error = outcome.status === 'failed' ? outcome.error : outcome.status === 'skipped' ? outcome.reason : null;
    const after = await endAttempt(
      this.deps,
      this.lease,
      {
        stepId: step.id,
        attempt: attempt.attempt,
        status: outcome.status,
        output: outcome.status === 'skipped' ? { skipped: outcome.reason } : (outcome.output ?? null),
        error: outcome.status === 'failed' ? outcome.error : null,
        actor: outcome.status === 'done' ? outcome.actor : undefined,
        runnerMs,
      },
      transitionTo(route, { stepId: step.id, attempt: attempt.attempt, error, nowMs: this.now(), attempts, runId: run.id }),
    );
    return after.status === 'running';
  }

  private async timedOut(run: RunRecord, step: PlaybookStep, attempt: StepAttempt, attempts: readonly StepAttempt[]): Promise<boolean> {
    const error = `timed out after ${step.timeout}`;
    const after = await endAttempt(
      this.deps,
      this.lease,
      { stepId: step.id, attempt: attempt.attempt, status: 'failed', output: { timedOut: true }, error },
      transitionTo(afterTimeout(run.definition, step), { stepId: step.id, attempt: attempt.attempt, error, nowMs: this.now(), attempts, runId: run.id }),
    );
    return after.status === 'running';
  }
}
