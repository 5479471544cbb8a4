// The satisfaction KPI: the share of survey answers that are satisfied (a
// score of 4 or 5 out of 5, the usual top-two-box CSAT) against 92%, over
// the scope and per site.
import type { KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import type { StoredSurveyAnswer } from '../store/store.js';
import { byTime, groupsOf, measureOver, share, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const SATISFACTION_HEADLINE = 'satisfied';
export const SATISFIED_FROM_SCORE = 4;

// An answer's time read once.
interface Timed {
  siteId: string;
  satisfied: boolean;
  atMs: number;
}

const satisfiedShare = (answers: readonly Timed[]): MeasureSpan => {
  const given = byTime(answers, (a) => a.atMs);
  return (from, to) => share(given(from, to), (a) => a.satisfied);
};

export function satisfactionKpi(stored: readonly StoredSurveyAnswer[], period: KpiPeriod): KpiMeasure[] {
  const answers = stored.map((a) => ({ siteId: a.siteId, satisfied: a.score >= SATISFIED_FROM_SCORE, atMs: Date.parse(a.at) }));
  const spec = { unit: 'ratio' as const, target: KPI_TARGETS.satisfied, better: 'higher' as const };
  return [
    measureOver(period, { id: 'satisfied', label: 'travellers satisfied', ...spec }, satisfiedShare(answers)),
    ...groupsOf(answers, (a) => a.siteId.toUpperCase()).map(([scope, list]) => measureOver(period, { id: 'satisfied', label: `satisfied at ${scope}`, scope, ...spec }, satisfiedShare(list), false)),
  ];
}
