// Sites, their assets and the fleet's status, and the hub's own health.
import { NotFoundError } from '../errors.js';
import type { Actor, Asset, AssetKind, FleetStatus, Site, SiteDetail, SiteKind, WaitHistory } from '../model.js';
import { resolveSite } from '../site-match.js';
import { query, type HubConnection } from './connection.js';

export interface SiteFilter {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export function siteCalls(hub: HubConnection) {
  const listSites = async (filter: SiteFilter = {}): Promise<Site[]> =>
    (await hub.request<{ sites: Site[] }>('GET', `/v1/sites${query(filter)}`)).sites;

  return {
    health: (): Promise<{ status: string; version: string; uptimeSeconds: number }> => hub.request('GET', '/healthz'),

    whoami: (): Promise<Actor> => hub.request('GET', '/v1/whoami'),

    fleetStatus: (): Promise<FleetStatus> => hub.request('GET', '/v1/status'),

    listSites,

    getSite: (id: string): Promise<SiteDetail> => hub.request('GET', `/v1/sites/${encodeURIComponent(id)}`),

    /** The site's wait, one sample a minute, over the last `minutes` (the hub's default: 60). */
    waitHistory: (siteId: string, options: { minutes?: number } = {}): Promise<WaitHistory> =>
      hub.request('GET', `/v1/sites/${encodeURIComponent(siteId)}/wait-history${query({ minutes: options.minutes })}`),

    /**
     * Turn what a person typed (RUH, ruh, "king khalid", "الملك خالد") into one
     * site, or throw NotFoundError naming the nearest matches.
     */
    async findSite(text: string): Promise<Site> {
      const result = resolveSite(await listSites(), text);
      if (result.site) return result.site;
      const names = result.suggestions.map((s) => `${s.id} (${s.name.en})`);
      throw new NotFoundError(
        result.ambiguous ? `"${text}" matches more than one site: ${names.join(', ')}` : `no site matches "${text}"`,
        {
          hint: names.length && !result.ambiguous ? `did you mean ${names.join(', ')}?` : 'list them with `watchfloor sites list`',
          // What a reply in another language is drawn from: the nearest ids, and whether they all fit equally.
          details: { suggestions: result.suggestions.map((s) => s.id), ambiguous: result.ambiguous },
        },
      );
    },

    listAssets: async (filter: { site?: string; kind?: AssetKind } = {}): Promise<Asset[]> =>
      (await hub.request<{ assets: Asset[] }>('GET', `/v1/assets${query(filter)}`)).assets,
  };
}

export type SiteCalls = ReturnType<typeof siteCalls>;
