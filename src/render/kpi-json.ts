// The KPIs' --json shapes (docs/json.md): explicit allowlists, never the
// hub's objects passed through.
import type { KpiMeasure, KpiReport, KpiSummary } from '../core/model.js';
import { pick } from './pick.js';

export const KPI_MEASURE_FIELDS = [
  'id', 'label', 'scope', 'unit', 'value', 'target', 'better', 'met', 'previous', 'samples', 'series',
] as const satisfies readonly (keyof KpiMeasure)[];

export const KPI_REPORT_FIELDS = [
  'kpi', 'since', 'until', 'previousSince', 'bucketSeconds', 'filter', 'headline', 'measures',
] as const satisfies readonly (keyof KpiReport)[];

export const kpiMeasureJson = (m: KpiMeasure) => ({ ...pick(m, KPI_MEASURE_FIELDS), series: m.series.map((p) => ({ at: p.at, value: p.value })) });

export function kpiReportJson(r: KpiReport) {
  return {
    ...pick(r, KPI_REPORT_FIELDS),
    filter: { siteId: r.filter.siteId, region: r.filter.region, kind: r.filter.kind },
    measures: r.measures.map(kpiMeasureJson),
  };
}

export function kpiSummaryJson(s: KpiSummary) {
  return { since: s.since, until: s.until, filter: { siteId: s.filter.siteId, region: s.filter.region, kind: s.filter.kind }, kpis: s.kpis.map(kpiReportJson) };
}
