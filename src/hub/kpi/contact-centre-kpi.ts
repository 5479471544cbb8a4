// The contact-centre KPI: the 992 line's inquiries per hour, callers waiting,
// the AI agent's share answered without a person (against the published
// "about half") and abandonment, from the hourly flow history of the sites of
// kind contact-centre in scope. The figures of a span are worked out by
// telemetry/contact-centre-figures.ts, the targets are in core/kpi-targets.ts.
import type { KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import { contactCentreFigures } from '../telemetry/contact-centre-figures.js';
import type { FlowHour } from '../telemetry/flow-history.js';
import { hoursByTime } from './flow-kpi.js';
import { measureOver, type Figure, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const CONTACT_CENTRE_HEADLINE = 'aiAnswered';

type Read = (figures: ReturnType<typeof contactCentreFigures>) => number | null;

/** Only a contact centre's hours: those that carried how its inquiries ended. */
export function contactCentreKpi(hours: readonly FlowHour[], period: KpiPeriod): KpiMeasure[] {
  const hoursIn = hoursByTime(hours.filter((h) => h.contactCentre !== null));
  const over =
    (read: Read): MeasureSpan =>
    (from, to): Figure => {
      const span = hoursIn(from, to);
      return { value: read(contactCentreFigures(span)), samples: span.length };
    };
  return [
    measureOver(period, { id: 'aiAnswered', label: 'answered by the AI agent without a person', unit: 'ratio', target: KPI_TARGETS.aiAnswered, better: 'higher' }, over((f) => f.aiShare)),
    measureOver(period, { id: 'abandoned', label: 'callers who hung up before an answer', unit: 'ratio', target: KPI_TARGETS.abandoned, better: 'lower' }, over((f) => f.abandonedShare)),
    measureOver(period, { id: 'callersWaiting', label: 'callers waiting (mean)', unit: 'count', target: KPI_TARGETS.callersWaiting, better: 'lower' }, over((f) => f.callersWaiting)),
    measureOver(period, { id: 'inquiriesPerHour', label: 'inquiries an hour (mean)', unit: 'count', target: null, better: 'higher' }, over((f) => f.inquiriesPerHour)),
  ];
}
