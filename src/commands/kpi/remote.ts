// `kpi remote [--since 24h|ISO]`: how device incidents ended — fixed or
// mitigated remotely versus dispatched — and how fast.
import { sinceTime } from '../../core/time-input.js';
import { remoteKpiJson } from '../../render/json.js';
import { renderRemoteKpi } from '../../render/kpi.js';
import { defineVerb } from '../verb.js';

export const kpiRemote = defineVerb({
  name: 'remote',
  description: 'remote-resolution rate, dispatches, time to fix (default: the last 24h)',
  metadata: { examples: ['kpi remote', 'kpi remote --since 7d', 'kpi remote --since 2025-03-01T00:00:00Z --json'] },
  configure: (command) => void command.option('--since <when>', 'a duration back from now (2h, 7d) or an ISO time'),
  input: (_args: [], options: { since?: string }) => ({ since: options.since }),
  async run(input, ctx) {
    const since = input.since === undefined ? undefined : sinceTime(input.since, ctx.deps.clock.now(), '--since');
    return ctx.client().remoteKpi({ since });
  },
  present: {
    text: (kpi, view) => renderRemoteKpi(kpi, view),
    json: (kpi) => remoteKpiJson(kpi),
  },
});
