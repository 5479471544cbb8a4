// `kpi remote [--since 24h|ISO]`: how device incidents ended — fixed or
// mitigated remotely versus dispatched — and how fast.
import type { Command } from 'commander';
import type { RemoteKpi } from '../../core/model.js';
import { remoteKpiJson } from '../../render/json.js';
import { renderRemoteKpi } from '../../render/kpi.js';
import { parseSince } from '../audit/since.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export function runKpiRemote(options: { since: string | undefined }, ctx: Pick<CommandContext, 'client' | 'deps'>): Promise<RemoteKpi> {
  const since = options.since === undefined ? undefined : parseSince(options.since, ctx.deps.clock.now());
  return ctx.client().remoteKpi({ since });
}

export function registerKpiRemote(kpi: Command, deps: Deps): void {
  kpi
    .command('remote')
    .description('remote-resolution rate, dispatches, time to fix (default: the last 24h)')
    .option('--since <when>', 'a duration back from now (2h, 7d) or an ISO time')
    .action(
      action(deps, async (ctx, options: { since?: string }) => {
        const k = await runKpiRemote({ since: options.since }, ctx);
        if (ctx.globals.json) ctx.printJson(remoteKpiJson(k));
        else ctx.print(renderRemoteKpi(k, ctx.view));
      }),
    );
}
