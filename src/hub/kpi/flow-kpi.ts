// The flow KPI, from the hourly flow history (telemetry/flow-history.ts):
// passengers processed, the median and p90 wait, the share of the time the
// wait was within the site's target (WAIT_TARGET_MINUTES) against 90%, and
// e-gate use (the mean e-gates in service). Waits are read off the hours'
// histograms merged, so the period's median is a median over every report.
import type { KpiMeasure } from '../../core/model.js';
import { WAIT_WITHIN_TARGET_SHARE } from '../../core/kpi-targets.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import { HOUR_MS, waitQuantile, waitShareWithin, type FlowHour } from '../telemetry/flow-history.js';
import { byTime, groupsOf, measureOver, sum, type Figure, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const FLOW_HEADLINE = 'waitWithinTarget';

/** The hours that start in [from, to). */
export const hoursByTime = (hours: readonly FlowHour[]) => byTime(hours, (h) => h.hour * HOUR_MS);

/** The hours' wait histograms as one. */
function merged(hours: readonly FlowHour[]) {
  const waitCounts = hours[0]?.waitCounts.map((_, b) => sum(hours.map((h) => h.waitCounts[b] ?? 0))) ?? [];
  return { waitCounts, reports: sum(hours.map((h) => h.reports)), waitMax: Math.max(0, ...hours.map((h) => h.waitMaxMinutes)) };
}

const waitFigure = (hours: readonly FlowHour[], read: (m: ReturnType<typeof merged>) => number): Figure => {
  const m = merged(hours);
  return { value: m.reports ? read(m) : null, samples: m.reports };
};

export function flowKpi(hours: readonly FlowHour[], period: KpiPeriod): KpiMeasure[] {
  const over = (list: readonly FlowHour[], figure: (span: FlowHour[]) => Figure): MeasureSpan => {
    const hoursIn = hoursByTime(list);
    return (from, to) => figure(hoursIn(from, to));
  };
  const processed = (span: FlowHour[]): Figure => {
    const known = span.filter((h) => h.processed !== null);
    return { value: known.length ? sum(known.map((h) => h.processed!)) : null, samples: known.length };
  };
  const withinTarget = (span: FlowHour[]) => waitFigure(span, (m) => waitShareWithin(m, WAIT_TARGET_MINUTES));
  const egates = (span: FlowHour[]): Figure => ({ value: span.length ? sum(span.map((h) => h.egatesInService)) / span.length : null, samples: span.length });
  const share = { unit: 'ratio' as const, target: WAIT_WITHIN_TARGET_SHARE, better: 'higher' as const };
  return [
    measureOver(period, { id: 'waitWithinTarget', label: `wait within ${WAIT_TARGET_MINUTES} min`, ...share }, over(hours, withinTarget)),
    measureOver(period, { id: 'passengers', label: 'passengers processed', unit: 'passengers', target: null, better: 'higher' }, over(hours, processed)),
    measureOver(period, { id: 'waitMedian', label: 'median wait', unit: 'minutes', target: null, better: 'lower' }, over(hours, (s) => waitFigure(s, (m) => waitQuantile(m, 0.5)))),
    measureOver(period, { id: 'waitP90', label: 'p90 wait', unit: 'minutes', target: null, better: 'lower' }, over(hours, (s) => waitFigure(s, (m) => waitQuantile(m, 0.9)))),
    measureOver(period, { id: 'egatesInService', label: 'e-gates in service (mean per site-hour)', unit: 'count', target: null, better: 'higher' }, over(hours, egates)),
    ...groupsOf(hours, (h) => h.siteId.toUpperCase()).map(([scope, list]) =>
      measureOver(period, { id: 'waitWithinTarget', label: `wait within target at ${scope}`, scope, ...share }, over(list, withinTarget), false),
    ),
  ];
}
