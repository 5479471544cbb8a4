// The KPIs for a person: every KPI's headline figure in one table (`kpi`),
// or one KPI's figures (`kpi incidents`), each with its value, its target,
// the period before and its trend as a sparkline. Pure: a report in, text out.
import type { KpiFilter, KpiMeasure, KpiReport, KpiSummary } from '../core/model.js';
import { formatKpiValue, formatMeasureValue, formatTarget, kpiTrend } from './kpi-values.js';
import { createStyle } from './style.js';
import { renderTable, type Column } from './table.js';
import type { RenderContext } from './view.js';

/** A KPI view's context: `ascii` draws the trends without Unicode blocks. */
export interface KpiView extends RenderContext {
  ascii?: boolean;
}

export function describeFilter(f: KpiFilter): string {
  if (f.siteId) return `site ${f.siteId}`;
  if (f.region) return `region ${f.region}`;
  if (f.kind) return `${f.kind} sites`;
  return 'the whole fleet';
}

const trendOf = (m: KpiMeasure, view: KpiView) => kpiTrend(m, view.ascii);

function verdict(m: KpiMeasure, view: KpiView): string {
  const style = createStyle(view.color);
  if (m.met === null) return '-';
  return m.met ? style.health('ok', 'met') : style.warn('missed');
}

const COLUMNS: Column[] = [
  { header: 'FIGURE', flex: true },
  { header: 'VALUE', align: 'right' },
  { header: 'TARGET' },
  { header: '' },
  { header: 'BEFORE', align: 'right' },
  { header: 'TREND' },
];

function measureRow(m: KpiMeasure, view: KpiView, label = m.label): string[] {
  return [label, formatMeasureValue(m), formatTarget(m), verdict(m, view), formatKpiValue(m.previous, m.unit), trendOf(m, view)];
}

function periodLine(r: { since: string; until: string; filter: KpiFilter }): string {
  return `${describeFilter(r.filter)}, ${r.since} to ${r.until} (before: the same length just before)`;
}

const headlineOf = (r: KpiReport) => r.measures.find((m) => m.id === r.headline && m.scope === null);

/** `kpi`: one row per KPI, its headline figure. */
export function renderKpiSummary(s: KpiSummary, view: KpiView): string {
  const style = createStyle(view.color);
  const rows = s.kpis.map((r) => {
    const m = headlineOf(r);
    if (!m) return [r.kpi, '(no figures)', '-', '-', '', '-', ''];
    return [r.kpi, ...measureRow(m, view)];
  });
  const table = renderTable({ columns: [{ header: 'KPI' }, ...COLUMNS], rows }, { tty: view.tty, width: view.width, header: style.bold });
  return view.tty ? `${periodLine(s)}\n${table}` : table;
}

/** `kpi incidents` and the others: every figure of one KPI, the headline first. */
export function renderKpiReport(r: KpiReport, view: KpiView): string {
  const style = createStyle(view.color);
  const rows = r.measures.map((m) => measureRow(m, view));
  const table = renderTable({ columns: COLUMNS, rows }, { tty: view.tty, width: view.width, header: style.bold });
  return view.tty ? `${r.kpi}: ${periodLine(r)}\n${table}` : table;
}
