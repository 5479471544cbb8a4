// The --json contract of `playbook report` (docs/json.md): explicit field
// lists, only ever extended.
import type { RunReport } from '../core/model.js';
import { pick } from './pick.js';

const TOP = [
  'runId', 'playbookId', 'playbookVersion', 'title', 'status', 'ended', 'drill', 'startedAt', 'endedAt', 'startedBy', 'channel', 'incidentId', 'siteId', 'score',
] as const satisfies readonly (keyof RunReport)[];

export function runReportJson(r: RunReport) {
  return {
    ...pick(r, TOP),
    clock: pick(r.clock, ['speed', 'label']),
    timeline: r.timeline.map((e) => pick(e, ['at', 'kind', 'stepId', 'what', 'actor', 'channel'])),
    people: r.people.map((p) => pick(p, ['actor', 'channels', 'did'])),
    steps: r.steps.map((s) => pick(s, ['stepId', 'type', 'title', 'milestone', 'within', 'doneAtMs', 'tookMs', 'attempts', 'verdict', 'why'])),
    firstAction: pick(r.firstAction, ['target', 'ms', 'met', 'stepId']),
    recovery: pick(r.recovery, ['target', 'ms', 'met']),
    failures: r.failures.map((f) => pick(f, ['stepId', 'attempt', 'at', 'error', 'retried'])),
    retried: r.retried.map((t) => pick(t, ['stepId', 'attempts'])),
    lessons: r.lessons.map((n) => pick(n, ['at', 'actor', 'channel', 'text'])),
  };
}
