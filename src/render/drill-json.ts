// The --json contract of drills (docs/json.md): explicit field lists, so a
// field the hub adds appears in our output only when we publish it here.
// Only ever extend them.
import type { DrillScorecard, DrillSummary } from '../core/model.js';
import { pick } from './pick.js';

export const DRILL_SUMMARY_FIELDS = [
  'runId', 'playbookId', 'playbookVersion', 'status', 'startedAt', 'endedAt', 'clock', 'score', 'onTime', 'late', 'missed', 'firstActionMs', 'recoveryMs',
] as const satisfies readonly (keyof DrillSummary)[];

export const SCORECARD_FIELDS = [
  'runId', 'playbookId', 'playbookVersion', 'playbookHash', 'title', 'status', 'startedAt', 'endedAt', 'clock', 'firstAction', 'recovery',
  'onTime', 'late', 'missed', 'score', 'targetsMet', 'targetsSet',
] as const satisfies readonly (keyof DrillScorecard)[];

const STEP_FIELDS = ['stepId', 'type', 'title', 'milestone', 'within', 'doneAtMs', 'tookMs', 'attempts', 'verdict', 'why'] as const;

export const drillSummaryJson = (d: DrillSummary) => ({ ...pick(d, DRILL_SUMMARY_FIELDS), clock: pick(d.clock, ['speed', 'label']) });

export function scorecardJson(card: DrillScorecard) {
  return {
    ...pick(card, SCORECARD_FIELDS),
    clock: pick(card.clock, ['speed', 'label']),
    firstAction: pick(card.firstAction, ['target', 'ms', 'met', 'stepId']),
    recovery: pick(card.recovery, ['target', 'ms', 'met']),
    steps: card.steps.map((s) => pick(s, STEP_FIELDS)),
  };
}
