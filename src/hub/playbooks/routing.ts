// Where a run goes after a step: pure functions of the frozen definition.
// Done (or skipped): the branch's choice, else the next step in order, else
// the end. Failed: another attempt after the retry delay while retries are
// left, then onFailure (default stop). Timed out: onTimeout (default pause).
import type { PlaybookDefinition, PlaybookStep, StepOutcomeRoute } from '../../core/model.js';
import { durationMs } from './drill-clock.js';

/** go: to that step, or (null) to the end; stop: the run fails; pause: a person looks. */
export type Route = { kind: 'go'; to: string | null } | { kind: 'stop' } | { kind: 'pause' } | { kind: 'retry'; afterMs: number };

export function stepAfter(definition: PlaybookDefinition, stepId: string): string | null {
  const i = definition.steps.findIndex((s) => s.id === stepId);
  return definition.steps[i + 1]?.id ?? null;
}

export function stepNamed(definition: PlaybookDefinition, stepId: string): PlaybookStep | undefined {
  return definition.steps.find((s) => s.id === stepId);
}

function follow(definition: PlaybookDefinition, step: PlaybookStep, route: StepOutcomeRoute): Route {
  if (route === 'stop' || route === 'pause') return { kind: route };
  if (route === 'continue') return { kind: 'go', to: stepAfter(definition, step.id) };
  return { kind: 'go', to: route.goto };
}

export function afterDone(definition: PlaybookDefinition, step: PlaybookStep, chosen: string | undefined): Route {
  return { kind: 'go', to: chosen ?? stepAfter(definition, step.id) };
}

/** `attempt` is the one that failed (1 for the first). */
export function afterFailure(definition: PlaybookDefinition, step: PlaybookStep, attempt: number): Route {
  if (step.retries && attempt <= step.retries.count) return { kind: 'retry', afterMs: durationMs(step.retries.delay) };
  return follow(definition, step, step.onFailure ?? 'stop');
}

export function afterTimeout(definition: PlaybookDefinition, step: PlaybookStep): Route {
  return follow(definition, step, step.onTimeout ?? 'pause');
}
