// `kpi` (or `kpi summary`): every KPI's headline figure against its target,
// the period before and its trend, over one period and scope.
import type { KpiSummary } from '../../core/model.js';
import { kpiSummaryJson } from '../../render/kpi-json.js';
import { renderKpiSummary } from '../../render/kpi-report.js';
import { defineVerb } from '../verb.js';
import { configureKpiFilter, kpiFilter, kpiFilterInput, type KpiFilterInput } from './kpi-filter.js';

export const kpiSummary = defineVerb({
  name: 'summary',
  description: 'every KPI against its target, with the period before and a trend (what `kpi` alone shows)',
  metadata: { examples: ['kpi', 'kpi --since 7d --region makkah', 'kpi summary --site JED --json'] },
  configure: configureKpiFilter,
  input: (_args: [], options: KpiFilterInput) => kpiFilterInput(options),
  async run(input, ctx): Promise<KpiSummary> {
    return ctx.client().kpiSummary(await kpiFilter(input, ctx));
  },
  present: {
    text: (summary, view) => renderKpiSummary(summary, view),
    json: (summary) => kpiSummaryJson(summary),
  },
});
