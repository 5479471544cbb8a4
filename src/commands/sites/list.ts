// `sites list [--kind K] [--region R]`
import { completeWith } from '../completion/dynamic.js';
import { Option } from 'commander';
import type { Site } from '../../core/model.js';
import { SITE_KINDS, type SiteKind } from '../../core/vocabulary.js';
import { SITE_FIELDS, siteJson } from '../../render/json.js';
import { renderSiteTable } from '../../render/sites.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';

export interface SitesListInput {
  kind: SiteKind | undefined;
  region: string | undefined;
}

export const sitesList = defineVerb({
  name: 'list',
  description: 'the site inventory',
  configure(command) {
    command
      .addOption(new Option('--kind <kind>', 'only sites of this kind').choices(SITE_KINDS))
      .addOption(completeWith(new Option('--region <region>', 'only sites in this region (any case)'), 'regions'));
  },
  input: (_args: [], { kind, region }: SitesListInput): SitesListInput => ({ kind, region }),
  async run(input: SitesListInput, ctx: Pick<VerbContext, 'client'>): Promise<Site[]> {
    const sites = await ctx.client().listSites({ kind: input.kind });
    // Regions are matched here, case-insensitively, so "eastern province" works whatever the hub does.
    const region = input.region?.trim().toLowerCase();
    return region ? sites.filter((s) => s.region.toLowerCase() === region) : sites;
  },
  present: {
    text: (sites, view) => (sites.length ? renderSiteTable(sites, view) : ''),
    note: (sites) => (sites.length ? undefined : 'no sites match'),
    json: (sites) => ({ sites: sites.map(siteJson) }),
    jsonFields: { key: 'sites', fields: SITE_FIELDS },
  },
});
