// One interface for every step type: what the step does, and what kind of
// effect it has — which decides what the runner may do with an attempt a
// crash left `started`:
//   device — the effect reaches a device with the attempt's idempotency key:
//            run it again with the same key, and the device replays;
//   local  — the effect is in the hub's own store and written so that doing
//            it again changes nothing (or it only reads): run it again;
//   none   — neither: the runner cannot tell whether it happened, so it
//            pauses the run and asks a person. It never guesses.
import type { ActorRef, PlaybookStep, PlaybookStepType, RunWait } from '../../../core/model.js';
import type { Caller } from '../../caller.js';
import type { HubContext } from '../../context.js';
import type { RunRecord } from '../../store/store.js';
import type { RunScope } from '../interpolate.js';

export type StepEffect = 'device' | 'local' | 'none';

export interface RunnerEnv {
  ctx: HubContext;
  /** How often a wait re-reads its condition. */
  conditionPollMs: number;
}

export interface StepContext {
  env: RunnerEnv;
  run: RunRecord;
  attempt: { number: number; startedAtMs: number; idempotencyKey: string | null; actor: ActorRef };
  /** Who the step's effects act as: the run's starter (or whoever retried the step), with the role they started it with. */
  caller: Caller;
  scope: RunScope;
}

export type StepOutcome =
  | { status: 'done'; output: Record<string, unknown>; /** A branch's choice; undefined: the next step in order. */ next?: string | undefined; actor?: ActorRef }
  | { status: 'failed'; error: string; output?: Record<string, unknown> }
  | { status: 'skipped'; reason: string }
  | { status: 'waiting'; on: RunWait; reason: string; /** When to look again; undefined: when a person acts. */ wakeAtMs?: number | undefined };

export interface StepExecutor<S extends PlaybookStep = PlaybookStep> {
  effect: StepEffect;
  /** Whether its attempts carry an idempotency key to a device. */
  keyed: boolean;
  /** What it would do, its ${names} filled: a dry run's plan. */
  describe(step: S, scope: RunScope): string;
  run(step: S, sc: StepContext): Promise<StepOutcome>;
}

export type StepExecutors = { [T in PlaybookStepType]: StepExecutor<Extract<PlaybookStep, { type: T }>> };

/** A failure of the step (its device, its target, a rule it met), as the outcome it records. */
export function failedWith(e: unknown): StepOutcome {
  return { status: 'failed', error: e instanceof Error ? e.message : String(e) };
}
