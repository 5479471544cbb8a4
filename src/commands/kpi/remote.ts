// `kpi remote [--since 24h|ISO] [--until …] [--site|--region|--kind]`: how
// device incidents ended — fixed or mitigated remotely versus dispatched —
// and how fast, with the period before and a trend.
import { remoteKpiJson } from '../../render/json.js';
import { renderRemoteKpi } from '../../render/kpi.js';
import { defineKpiVerb } from './kpi-verb.js';

export const kpiRemote = defineKpiVerb({
  name: 'remote',
  description: 'remote-resolution rate, dispatches, time to fix (default: the last 24h)',
  examples: ['kpi remote', 'kpi remote --since 7d', 'kpi remote --since 2025-03-01T00:00:00Z --json'],
  fetch: (client, filter) => client.remoteKpi(filter),
  present: { text: (kpi, view) => renderRemoteKpi(kpi, view), json: (kpi) => remoteKpiJson(kpi) },
});
