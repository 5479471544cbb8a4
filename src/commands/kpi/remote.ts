// `kpi remote [--since 24h|ISO] [--until …] [--site|--region|--kind]`: how
// device incidents ended — fixed or mitigated remotely versus dispatched —
// and how fast, with the period before and a trend.
import { remoteKpiJson } from '../../render/json.js';
import { renderRemoteKpi } from '../../render/kpi.js';
import { defineVerb } from '../verb.js';
import { configureKpiFilter, kpiFilter, kpiFilterInput, type KpiFilterInput } from './kpi-filter.js';

export const kpiRemote = defineVerb({
  name: 'remote',
  description: 'remote-resolution rate, dispatches, time to fix (default: the last 24h)',
  metadata: { examples: ['kpi remote', 'kpi remote --since 7d', 'kpi remote --since 2025-03-01T00:00:00Z --json'] },
  configure: configureKpiFilter,
  input: (_args: [], options: KpiFilterInput) => kpiFilterInput(options),
  async run(input, ctx) {
    return ctx.client().remoteKpi(await kpiFilter(input, ctx));
  },
  present: {
    text: (kpi, view) => renderRemoteKpi(kpi, view),
    json: (kpi) => remoteKpiJson(kpi),
  },
});
