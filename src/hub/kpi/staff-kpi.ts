// The staff KPI, from the hourly flow history: officers on duty against the
// staffing advice (staffing-advice.ts), and passengers processed per
// officer-hour, for the institution (the scope) and per site.
import type { KpiMeasure } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { FlowHour } from '../telemetry/flow-history.js';
import { hoursByTime } from './flow-kpi.js';
import { groupsOf, measureOver, sum, type Figure, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';
import type { AdviseOfficers } from './staffing-advice.js';

export const STAFF_HEADLINE = 'passengersPerOfficerHour';

export function staffKpi(hours: readonly FlowHour[], period: KpiPeriod, advise: AdviseOfficers): KpiMeasure[] {
  const staffed = hours.filter((h) => h.officersOnDuty !== null);
  const staffedIn = hoursByTime(staffed);
  const perOfficerHour = (list: readonly FlowHour[]): MeasureSpan => {
    const hoursIn = hoursByTime(list.filter((h) => h.processed !== null));
    return (from, to) => {
      const span = hoursIn(from, to);
      const officerHours = sum(span.map((h) => h.officersOnDuty!));
      return { value: officerHours > 0 ? sum(span.map((h) => h.processed!)) / officerHours : null, samples: span.length };
    };
  };
  // Officers on duty per site-hour, and what the advice would have put there.
  const onDuty: MeasureSpan = (from, to): Figure => {
    const span = staffedIn(from, to);
    return { value: span.length ? sum(span.map((h) => h.officersOnDuty!)) / span.length : null, samples: span.length };
  };
  const advised = staffedIn(period.sinceMs, period.untilMs).map((h) => advise(h, WAIT_TARGET_MINUTES));
  const adviceTarget = advised.length && advised.every((a) => a !== null) ? sum(advised as number[]) / advised.length : null;
  const ratio = { unit: 'passengersPerOfficerHour' as const, target: null, better: 'higher' as const };
  return [
    measureOver(period, { id: 'passengersPerOfficerHour', label: 'passengers per officer-hour', ...ratio }, perOfficerHour(staffed)),
    measureOver(period, { id: 'officersOnDuty', label: 'officers on duty (mean per site-hour) vs advice', unit: 'officers', target: adviceTarget, better: 'higher' }, onDuty),
    ...groupsOf(staffed, (h) => h.siteId.toUpperCase()).map(([scope, list]) =>
      measureOver(period, { id: 'passengersPerOfficerHour', label: `passengers per officer-hour at ${scope}`, scope, ...ratio }, perOfficerHour(list), false),
    ),
  ];
}
