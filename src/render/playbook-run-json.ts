// The --json contract of playbook runs (docs/json.md): explicit field lists,
// so a field the hub adds to a run appears in our output only when we publish
// it here. Only ever extend them.
import type { PlaybookRun, PlaybookRunDetail, RunPlan, StepAttempt } from '../core/model.js';
import type { RunUpdate } from '../core/client.js';
import { pick } from './pick.js';

export const RUN_FIELDS = [
  'id', 'playbookId', 'playbookVersion', 'playbookHash', 'title', 'status', 'waitingOn', 'reason', 'currentStep', 'inputs',
  'incidentId', 'siteId', 'drill', 'startedBy', 'channel', 'startedAt', 'updatedAt', 'endedAt', 'drillSpeed',
] as const satisfies readonly (keyof PlaybookRun)[];

export const STEP_ATTEMPT_FIELDS = [
  'stepId', 'attempt', 'status', 'output', 'error', 'startedAt', 'endedAt', 'actor', 'channel', 'idempotencyKey', 'recoveries', 'runnerMs',
] as const satisfies readonly (keyof StepAttempt)[];

export const runJson = (run: PlaybookRun) => pick(run, RUN_FIELDS);
export const attemptJson = (attempt: StepAttempt) => pick(attempt, STEP_ATTEMPT_FIELDS);

export function runDetailJson(d: PlaybookRunDetail) {
  return {
    run: runJson(d.run),
    definition: d.definition,
    steps: d.steps.map((s) => ({ id: s.id, type: s.type, title: s.title, status: s.status, attempts: s.attempts.map(attemptJson) })),
    approvals: d.approvals.map((a) => pick(a, ['stepId', 'attempt', 'decision', 'actor', 'channel', 'at', 'reason'])),
    checklist: d.checklist.map((t) => pick(t, ['stepId', 'attempt', 'item', 'actor', 'channel', 'at'])),
    notes: d.notes.map((n) => pick(n, ['at', 'actor', 'channel', 'text'])),
    notifications: d.notifications.map((n) => pick(n, ['id', 'stepId', 'attempt', 'channel', 'role', 'message', 'drill', 'createdAt'])),
  };
}

export function planJson(p: RunPlan) {
  return {
    ...pick(p, ['playbookId', 'playbookVersion', 'playbookHash', 'title', 'inputs', 'incidentId', 'siteId', 'drill']),
    steps: p.steps.map((s) => pick(s, ['id', 'type', 'title', 'does', 'skipped'])),
  };
}

/** One JSON Line of `playbook run`: the run as it started, each step attempt as it changes, the run as it changes. */
export function runUpdateJson(u: RunUpdate) {
  if (u.type === 'started') return { type: 'started', ...runDetailJson(u.detail) };
  if (u.type === 'step') return { type: 'step', runId: u.step.runId, ...attemptJson(u.step) };
  return { type: 'run', run: runJson(u.run) };
}
