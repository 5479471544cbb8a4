// The steps that steer the run rather than act: wait (a duration from when
// the attempt started, or until a condition on live data holds — a timer row
// wakes the run, nothing sleeps) and branch (then or else, on a condition
// read now). Both only read: running one again is harmless.
import type { PlaybookStep } from '../../../core/model.js';
import { conditionHolds, describeCondition } from '../conditions.js';
import { pollMs, realMs } from '../drill-clock.js';
import { fillDeep } from '../interpolate.js';
import { failedWith, type StepExecutor } from './step-executor.js';

type Wait = Extract<PlaybookStep, { type: 'wait' }>;
type Branch = Extract<PlaybookStep, { type: 'branch' }>;

export const waitStep: StepExecutor<Wait> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => (step.for !== undefined ? `wait ${step.for}` : `wait until ${describeCondition(fillDeep(step.until!, scope))}`),
  async run(step, sc) {
    const now = sc.env.ctx.now().getTime();
    if (step.for !== undefined) {
      const due = sc.attempt.startedAtMs + realMs(sc.run, step.for);
      if (now >= due) return { status: 'done', output: { waitedMs: now - sc.attempt.startedAtMs } };
      return { status: 'waiting', on: 'time', reason: `waiting ${step.for} (until ${new Date(due).toISOString()})`, wakeAtMs: due };
    }
    try {
      if (await conditionHolds(sc.env.ctx.store, step.until!, sc.scope)) return { status: 'done', output: { waitedMs: now - sc.attempt.startedAtMs } };
    } catch (e) {
      return failedWith(e);
    }
    return { status: 'waiting', on: 'condition', reason: `waiting until ${describeCondition(fillDeep(step.until!, sc.scope))}`, wakeAtMs: now + pollMs(sc.run, sc.env.conditionPollMs) };
  },
};

export const branchStep: StepExecutor<Branch> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => `if ${describeCondition(fillDeep(step.if, scope))} go to ${step.then}${step.else ? `, else to ${step.else}` : ''}`,
  async run(step, sc) {
    try {
      const holds = await conditionHolds(sc.env.ctx.store, step.if, sc.scope);
      const next = holds ? step.then : step.else;
      return { status: 'done', output: { holds, took: holds ? 'then' : 'else', next: next ?? null }, next };
    } catch (e) {
      return failedWith(e);
    }
  },
};
