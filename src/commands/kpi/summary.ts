// `kpi` (or `kpi summary`): every KPI's headline figure against its target,
// the period before and its trend, over one period and scope.
import { kpiSummaryJson } from '../../render/kpi-json.js';
import { renderKpiSummary } from '../../render/kpi-report.js';
import { defineKpiVerb } from './kpi-verb.js';

export const kpiSummary = defineKpiVerb({
  name: 'summary',
  description: 'every KPI against its target, with the period before and a trend (what `kpi` alone shows)',
  examples: ['kpi', 'kpi --since 7d --region makkah', 'kpi summary --site JED --json'],
  isDefault: true,
  fetch: (client, filter) => client.kpiSummary(filter),
  present: { text: (summary, view) => renderKpiSummary(summary, view), json: (summary) => kpiSummaryJson(summary) },
});
