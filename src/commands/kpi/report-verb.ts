// One KPI in detail (`kpi incidents`, `kpi continuity`, …): every such verb
// is the same but for its KPI, its words and examples, so they are made here.
import type { KpiKind, KpiReport } from '../../core/model.js';
import { kpiReportJson } from '../../render/kpi-json.js';
import { renderKpiReport } from '../../render/kpi-report.js';
import { defineVerb } from '../verb.js';
import { configureKpiFilter, kpiFilter, kpiFilterInput, type KpiFilterInput } from './kpi-filter.js';

export function kpiReportVerb(kpi: Exclude<KpiKind, 'remote'>, description: string, examples: readonly string[]) {
  return defineVerb({
    name: kpi,
    description,
    metadata: { examples },
    configure: configureKpiFilter,
    input: (_args: [], options: KpiFilterInput) => kpiFilterInput(options),
    async run(input, ctx): Promise<KpiReport> {
      return ctx.client().kpiReport(kpi, await kpiFilter(input, ctx));
    },
    present: {
      text: (report, view) => renderKpiReport(report, view),
      json: (report) => kpiReportJson(report),
    },
  });
}
