// `sites list [--kind K] [--region R]`
import { completeWith } from '../completion/dynamic.js';
import { Option } from 'commander';
import type { Site } from '../../core/model.js';
import { SITE_KINDS, type SiteKind } from '../../core/vocabulary.js';
import { SITE_FIELDS, siteJson } from '../../render/json.js';
import { renderSiteTable } from '../../render/sites.js';
import type { VerbContext } from '../context.js';
import { outputOption } from '../output-option.js';
import { defineVerb } from '../verb.js';

export interface SitesListInput {
  kind: SiteKind | undefined;
  region: string | undefined;
}

export const sitesList = defineVerb({
  name: 'list',
  description: 'the site inventory',
  metadata: { examples: ['sites list', 'sites list --kind land --region eastern', 'sites ls --region makkah --json id,name,city'] },
  configure(command) {
    command
      .addOption(new Option('--kind <kind>', 'only sites of this kind').choices(SITE_KINDS))
      .addOption(completeWith(new Option('--region <region>', 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'), 'regions'))
      .addOption(outputOption());
  },
  input: (_args: [], { kind, region }: SitesListInput): SitesListInput => ({ kind, region }),
  async run(input: SitesListInput, ctx: Pick<VerbContext, 'client'>): Promise<Site[]> {
    const client = ctx.client();
    if (input.region === undefined) return client.listSites({ kind: input.kind });
    // The region is matched here, over the whole fleet, as a site argument is (core/site-match.ts):
    // any case, Arabic, a fragment or a city; several or none is an error naming them, never an empty list.
    const sites = await client.listSites();
    const region = await client.findRegion(input.region, sites);
    return sites.filter((s) => s.region === region && (input.kind === undefined || s.kind === input.kind));
  },
  present: {
    text: (sites, view) => (sites.length ? renderSiteTable(sites, view) : ''),
    note: (sites) => (sites.length ? undefined : 'no sites match'),
    json: (sites) => ({ sites: sites.map(siteJson) }),
    jsonFields: { key: 'sites', fields: SITE_FIELDS },
  },
});
