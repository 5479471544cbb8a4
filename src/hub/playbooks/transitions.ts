// A route (routing.ts) as the change it makes to the run row: which step and
// attempt come next, and the run's status and why. Attempt numbers count per
// step across the whole run, so a step visited again (a goto back) gets a
// fresh attempt, and with it a fresh idempotency key.
import type { StepAttempt } from '../../core/model.js';
import type { Transition } from './journal.js';
import type { Route } from './routing.js';

/** The next attempt number of `stepId` in this run. */
export function nextAttemptOf(attempts: readonly StepAttempt[], stepId: string): number {
  return attempts.filter((a) => a.stepId === stepId).reduce((n, a) => Math.max(n, a.attempt), 0) + 1;
}

export function transitionTo(route: Route, at: { stepId: string; attempt: number; error: string | null; nowMs: number; attempts: readonly StepAttempt[]; runId: string }): Transition {
  const failed = `step ${at.stepId} failed${at.error ? `: ${at.error}` : ''}`;
  switch (route.kind) {
    case 'go':
      if (route.to === null) return { status: 'succeeded', currentStep: null, cursorAttempt: 1 };
      return { status: 'running', currentStep: route.to, cursorAttempt: nextAttemptOf(at.attempts, route.to) };
    case 'stop':
      return { status: 'failed', currentStep: at.stepId, cursorAttempt: at.attempt, reason: failed };
    case 'pause':
      return {
        status: 'paused',
        currentStep: at.stepId,
        cursorAttempt: at.attempt,
        reason: `${failed}; \`watchfloor playbook retry ${at.runId} ${at.stepId}\` runs it again, \`watchfloor playbook resume ${at.runId}\` goes on without it`,
      };
    case 'retry': {
      const due = at.nowMs + route.afterMs;
      return {
        status: 'waiting',
        waitingOn: 'retry',
        currentStep: at.stepId,
        cursorAttempt: at.attempt + 1,
        retryAtMs: due,
        reason: `${failed}; attempt ${at.attempt + 1} at ${new Date(due).toISOString()}`,
      };
    }
  }
}
