// The satisfaction KPI: the share of survey answers that are satisfied (a
// score of 4 or 5 out of 5, the usual top-two-box CSAT) against 92%, over
// the scope and per site.
import type { KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import type { StoredSurveyAnswer } from '../store/store.js';
import { groupsOf, measureOver, share, within, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const SATISFACTION_HEADLINE = 'satisfied';
export const SATISFIED_FROM_SCORE = 4;

const satisfiedShare = (answers: readonly StoredSurveyAnswer[]): MeasureSpan => (from, to) =>
  share(within(answers, (a) => Date.parse(a.at), from, to), (a) => a.score >= SATISFIED_FROM_SCORE);

export function satisfactionKpi(answers: readonly StoredSurveyAnswer[], period: KpiPeriod): KpiMeasure[] {
  const spec = { unit: 'ratio' as const, target: KPI_TARGETS.satisfied, better: 'higher' as const };
  return [
    measureOver(period, { id: 'satisfied', label: 'travellers satisfied', ...spec }, satisfiedShare(answers)),
    ...groupsOf(answers, (a) => a.siteId.toUpperCase()).map(([scope, list]) => measureOver(period, { id: 'satisfied', label: `satisfied at ${scope}`, scope, ...spec }, satisfiedShare(list), false)),
  ];
}
