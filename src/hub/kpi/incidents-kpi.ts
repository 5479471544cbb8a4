// The incidents KPI: how fast real incidents (drills never count) are
// acknowledged and resolved, by severity, and the share acknowledged within
// the SLA the watch UI's queue shows (core/sla.ts) — the headline.
import type { KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import { SLA_TARGETS, ackSlaOutcome } from '../../core/sla.js';
import { SEVERITIES, type Severity } from '../../core/vocabulary.js';
import type { IncidentTimes } from '../store/store.js';
import { byTime, mean, measureOver, share, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const INCIDENTS_HEADLINE = 'ackWithinSla';

const secondsBetween = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** `incidents`: every incident opened in [previousSince, until) in scope, drills already left out. */
export function incidentsKpi(incidents: readonly IncidentTimes[], period: KpiPeriod): KpiMeasure[] {
  const openedIn = (list: readonly IncidentTimes[]) => byTime(list, (i) => Date.parse(i.createdAt));
  // A late acknowledgement after the period's end is not known at its end.
  const known = (at: string | null) => (at !== null && Date.parse(at) <= period.untilMs ? at : null);

  const ackShare = (list: readonly IncidentTimes[]): MeasureSpan => {
    const opened = openedIn(list);
    return (from, to) => {
      const outcomes = opened(from, to).map((i) =>
        ackSlaOutcome(i.severity, i.createdAt, known(i.acknowledgedAt) ?? known(i.resolvedAt), period.untilMs),
      );
      return share(outcomes.filter((o) => o !== 'pending'), (o) => o === 'met');
    };
  };
  // The mean time from opening to `at`, over the incidents that have one.
  const meanTo = (list: readonly IncidentTimes[], at: (i: IncidentTimes) => string | null): MeasureSpan => {
    const opened = openedIn(list);
    return (from, to) => mean(opened(from, to).flatMap((i) => (known(at(i)) ? [secondsBetween(i.createdAt, at(i)!)] : [])));
  };
  const mtta = (list: readonly IncidentTimes[]) => meanTo(list, (i) => i.acknowledgedAt);
  const mttr = (list: readonly IncidentTimes[]) => meanTo(list, (i) => i.resolvedAt);

  const bySeverity = (severity: Severity) => incidents.filter((i) => i.severity === severity);
  return [
    measureOver(period, { id: 'ackWithinSla', label: 'acknowledged within SLA', unit: 'ratio', target: KPI_TARGETS.ackWithinSla, better: 'higher' }, ackShare(incidents)),
    measureOver(period, { id: 'mtta', label: 'mean time to acknowledge', unit: 'seconds', target: null, better: 'lower' }, mtta(incidents)),
    measureOver(period, { id: 'mttr', label: 'mean time to resolve', unit: 'seconds', target: null, better: 'lower' }, mttr(incidents)),
    ...SEVERITIES.flatMap((severity) => {
      const list = bySeverity(severity);
      const scope = { scope: severity };
      return [
        measureOver(period, { id: 'ackWithinSla', label: `acknowledged within SLA, ${severity}`, ...scope, unit: 'ratio', target: KPI_TARGETS.ackWithinSla, better: 'higher' }, ackShare(list), false),
        measureOver(period, { id: 'mtta', label: `MTTA ${severity}`, ...scope, unit: 'seconds', target: SLA_TARGETS[severity].ackMs / 1000, better: 'lower' }, mtta(list), false),
        measureOver(period, { id: 'mttr', label: `MTTR ${severity}`, ...scope, unit: 'seconds', target: SLA_TARGETS[severity].resolveMs / 1000, better: 'lower' }, mttr(list), false),
      ];
    }),
  ];
}
