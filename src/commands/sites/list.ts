// `sites list [--kind K] [--region R]`
import { Option, type Command } from 'commander';
import type { Site } from '../../core/model.js';
import { SITE_KINDS, type SiteKind } from '../../core/vocabulary.js';
import { siteJson } from '../../render/json.js';
import { renderSiteTable } from '../../render/sites.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';

export interface SitesListOptions {
  kind: SiteKind | undefined;
  region: string | undefined;
}

export async function runSitesList(options: SitesListOptions, ctx: Pick<CommandContext, 'client'>): Promise<Site[]> {
  const sites = await ctx.client().listSites({ kind: options.kind });
  // Regions are matched here, case-insensitively, so "eastern province" works whatever the hub does.
  const region = options.region?.trim().toLowerCase();
  return region ? sites.filter((s) => s.region.toLowerCase() === region) : sites;
}

export function registerSitesList(sites: Command, deps: Deps): void {
  sites
    .command('list')
    .description('the site inventory')
    .addOption(new Option('--kind <kind>', 'only sites of this kind').choices(SITE_KINDS))
    .option('--region <region>', 'only sites in this region (any case)')
    .action(
      action(deps, async (ctx, options: SitesListOptions) => {
        const list = await runSitesList(options, ctx);
        if (ctx.globals.json) ctx.printJson({ sites: list.map(siteJson) });
        else if (list.length) ctx.print(renderSiteTable(list, ctx.view));
        else ctx.info('no sites match');
      }),
    );
}
