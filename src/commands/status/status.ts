// `status [SITE]`: the fleet worst first, or one site in detail.
import type { CoreClient } from '../../core/client.js';
import type { FleetStatus, SiteDetail } from '../../core/model.js';
import { renderFleetStatus } from '../../render/fleet-status.js';
import { SITE_STATUS_FIELDS, fleetStatusJson, siteDetailJson } from '../../render/json.js';
import { renderSiteDetail } from '../../render/site-detail.js';
import { completeWith } from '../completion/dynamic.js';
import type { VerbContext } from '../context.js';
import { defineVerb } from '../verb.js';
import { worstFirst } from './order.js';

export interface StatusInput {
  site: string | undefined;
}

export type StatusResult = { fleet: FleetStatus } | { site: SiteDetail };

/** What a person typed (RUH, "king khalid", جدة) resolved to one site, then its detail: `status SITE` and `sites show SITE`. */
export async function siteDetail(client: CoreClient, typed: string): Promise<SiteDetail> {
  return client.getSite((await client.findSite(typed)).id);
}

export async function runStatus(input: StatusInput, ctx: Pick<VerbContext, 'client'>): Promise<StatusResult> {
  const client = ctx.client();
  if (input.site !== undefined) return { site: await siteDetail(client, input.site) };
  const fleet = await client.fleetStatus();
  return { fleet: { ...fleet, sites: [...fleet.sites].sort(worstFirst) } };
}

export const status = defineVerb({
  name: 'status',
  description: 'fleet overview, worst first; or one site in detail',
  metadata: { examples: ['status', 'status RUH'] },
  configure(command) {
    command.argument('[site]', 'site id or a fragment of its English or Arabic name');
    completeWith(command.registeredArguments[0]!, 'sites');
  },
  input: ([site]: [string | undefined]): StatusInput => ({ site }),
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
});
