// `status [SITE]`: the fleet worst first, or one site in detail.
import type { Command } from 'commander';
import type { FleetStatus, SiteDetail } from '../../core/model.js';
import { renderFleetStatus } from '../../render/fleet-status.js';
import { fleetStatusJson, siteDetailJson } from '../../render/json.js';
import { renderSiteDetail } from '../../render/site-detail.js';
import { completeWith } from '../completion/dynamic.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { worstFirst } from './order.js';

export interface StatusOptions {
  site: string | undefined;
}

export type StatusResult = { fleet: FleetStatus } | { site: SiteDetail };

export async function runStatus(options: StatusOptions, ctx: Pick<CommandContext, 'client'>): Promise<StatusResult> {
  const client = ctx.client();
  if (options.site !== undefined) {
    const site = await client.findSite(options.site);
    return { site: await client.getSite(site.id) };
  }
  const fleet = await client.fleetStatus();
  return { fleet: { ...fleet, sites: [...fleet.sites].sort(worstFirst) } };
}

export function renderStatus(result: StatusResult, ctx: CommandContext): void {
  if ('fleet' in result) {
    if (ctx.globals.json) ctx.printJson(fleetStatusJson(result.fleet));
    else ctx.print(renderFleetStatus(result.fleet, ctx.view));
  } else if (ctx.globals.json) ctx.printJson(siteDetailJson(result.site));
  else ctx.print(renderSiteDetail(result.site, ctx.view));
}

export function registerStatus(program: Command, deps: Deps): void {
  const command = program
    .command('status')
    .description('fleet overview, worst first; or one site in detail')
    .argument('[site]', 'site id or a fragment of its English or Arabic name');
  completeWith(command.registeredArguments[0]!, 'sites');
  command.action(
    action(deps, async (ctx, site: string | undefined) => {
      renderStatus(await runStatus({ site }, ctx), ctx);
    }),
  );
}
