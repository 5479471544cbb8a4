// The remote-resolution KPI in the KPI framework: diagnostics/kpi.ts's rate
// (fixed or mitigated without a visit, of those decided) and its median
// time to fix, over the period, the one before and each trend bucket.
import type { KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import { remoteKpi } from '../diagnostics/kpi.js';
import type { RemoteOutcome } from '../store/store.js';
import { byTime, measureOver, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const REMOTE_HEADLINE = 'remoteResolutionRate';

export function remoteKpiMeasures(outcomes: readonly RemoteOutcome[], period: KpiPeriod): KpiMeasure[] {
  const opened = byTime(outcomes, (o) => Date.parse(o.createdAt));
  const over = (from: number, to: number) => {
    const span = opened(from, to);
    const k = remoteKpi(span, new Date(from).toISOString(), new Date(to).toISOString());
    return { k, decided: k.fixedRemotely + k.mitigatedRemotely + k.dispatched };
  };
  const rate: MeasureSpan = (from, to) => {
    const { k, decided } = over(from, to);
    return { value: k.remoteResolutionRate, samples: decided };
  };
  const toFix: MeasureSpan = (from, to) => {
    const { k } = over(from, to);
    return { value: k.medianSecondsToFix, samples: k.fixedRemotely };
  };
  return [
    measureOver(period, { id: 'remoteResolutionRate', label: 'resolved remotely', unit: 'ratio', target: KPI_TARGETS.remoteResolution, better: 'higher' }, rate),
    measureOver(period, { id: 'medianSecondsToFix', label: 'median time to fix', unit: 'seconds', target: null, better: 'lower' }, toFix),
  ];
}
