// `status [SITE]`: the fleet worst first, or one site in detail; `--region`
// cuts the fleet to one region, `-o wide` adds columns, `--watch` follows it.
import { Option } from 'commander';
import type { CoreClient } from '../../core/client.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { FleetStatus, SiteDetail, SiteStatus } from '../../core/model.js';
import { renderFleetStatus } from '../../render/fleet-status.js';
import { SITE_STATUS_FIELDS, fleetStatusJson, siteDetailJson } from '../../render/json.js';
import { renderSiteDetail } from '../../render/site-detail.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';
import { outputOption } from '../output-option.js';
import { defineVerb } from '../verb.js';
import { watchOption } from '../watching/watch-option.js';
import { fleetOf, widenSites } from './fleet-views.js';
import { worstFirst } from './order.js';

export interface StatusInput {
  site: string | undefined;
  /** As typed: a region's name in any case or language, a fragment, or a city in it. */
  region?: string | undefined;
  watch?: true;
}

export type StatusResult = { fleet: FleetStatus } | { site: SiteDetail };

// Typed as ids are (RUH, JED-SEA): no lower case, no spaces. Names and cities
// ("king khalid", haql, جدة) are matched against the sites list instead.
const LOOKS_LIKE_AN_ID = /^[A-Z0-9][A-Z0-9_.-]*$/;

/**
 * What a person typed (RUH, "king khalid", جدة) resolved to one site, then its detail: `status SITE` and `sites show SITE`.
 * An exact id is asked for directly: the sites list (30 KB at 103 sites) is fetched only to match anything else,
 * or an id the hub does not know, whose error then names the nearest sites as before.
 */
export async function siteDetail(client: CoreClient, typed: string): Promise<SiteDetail> {
  if (LOOKS_LIKE_AN_ID.test(typed)) {
    try {
      return await client.getSite(typed);
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
    }
  }
  return client.getSite((await client.findSite(typed)).id);
}

export async function runStatus(input: StatusInput, ctx: Pick<VerbContext, 'client'> & { globals?: { wide: boolean } }): Promise<StatusResult> {
  const client = ctx.client();
  if (input.site !== undefined) return { site: await siteDetail(client, input.site) };
  let fleet = await client.fleetStatus();
  if (input.region !== undefined) {
    // Matched as `sites list --region` is (core/site-match.ts): several or none is exit 4 naming them.
    const region = await client.findRegion(input.region);
    fleet = fleetOf(fleet, fleet.sites.filter((s) => s.region === region));
  }
  const sites: SiteStatus[] = ctx.globals?.wide ? await widenSites(client, fleet.sites) : fleet.sites;
  return { fleet: { ...fleet, sites: [...sites].sort(worstFirst) } };
}

const sitesOf = (result: StatusResult) => ('fleet' in result ? result.fleet.sites : []);

export const status = defineVerb({
  name: 'status',
  description: 'fleet overview, worst first; or one site in detail',
  metadata: { examples: ['status', 'status RUH', 'status --region makkah -o wide', 'status --watch --json id,health'] },
  configure(command) {
    command.argument('[site]', 'site id or a fragment of its English or Arabic name');
    completeWith(command.registeredArguments[0]!, 'sites');
    command
      .addOption(completeWith(new Option('--region <region>', 'only sites in this region: its name in English or Arabic, a fragment, or a city in it'), 'regions'))
      .addOption(outputOption())
      .addOption(watchOption());
  },
  input([site]: [string | undefined], options: { region?: string; watch?: boolean }): StatusInput {
    if (site !== undefined && options.region !== undefined) throw new UsageError('status takes a site or --region, not both');
    if (site !== undefined && options.watch) throw new UsageError('--watch follows the fleet (`status --watch`, `status --region R --watch`); a site in detail is `status SITE`');
    return { site, ...(options.region !== undefined ? { region: options.region } : {}), ...(options.watch ? { watch: true as const } : {}) };
  },
  run: runStatus,
  present: {
    text: (result, view) => ('fleet' in result ? renderFleetStatus(result.fleet, view) : renderSiteDetail(result.site, view)),
    // A hub started without an inventory stays empty until someone loads one: say how.
    note: (result) =>
      'fleet' in result && result.fleet.sites.length === 0
        ? 'no sites yet: load the inventory with `watchfloor inventory apply inventory.yaml` (admins; `watchfloor inventory plan` shows the change first)'
        : undefined,
    json: (result) => ('fleet' in result ? fleetStatusJson(result.fleet) : siteDetailJson(result.site)),
    // The fleet's sites; a site's own detail has no `sites`, and prints whole.
    jsonFields: { key: 'sites', fields: SITE_STATUS_FIELDS },
  },
  watch: {
    requested: (input) => input.watch === true,
    records: sitesOf,
    key: (site) => (site as SiteStatus).id,
    only: (result, records) => ('fleet' in result ? { fleet: { ...result.fleet, sites: records as SiteStatus[] } } : result),
    recordKey: 'site',
    affectedBy: (type) => type === 'asset.health' || type === 'site.mode' || type === 'site.telemetry' || type.startsWith('incident.'),
    // Telemetry from 103 sites arrives all the time: one refetch a second at most.
    gatherMs: 1_000,
  },
});
