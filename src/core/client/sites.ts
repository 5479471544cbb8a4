// Sites, their assets and the fleet's status, and the hub's own health.
import { NotFoundError } from '../errors.js';
import type { Actor, Asset, AssetKind, FleetStatus, Site, SiteDetail, SiteKind, SiteScenarios, WaitHistory } from '../model.js';
import { scenarioText, type ScenarioChanges } from '../scenario-changes.js';
import { resolveRegion, resolveSite } from '../site-match.js';
import { query, type HubConnection } from './connection.js';

export interface SiteFilter {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export function siteCalls(hub: HubConnection, siteAssets: 'all' | 'attention' = 'all') {
  const listSites = async (filter: SiteFilter = {}): Promise<Site[]> =>
    (await hub.request<{ sites: Site[] }>('GET', `/v1/sites${query(filter)}`)).sites;

  return {
    health: (): Promise<{ status: string; version: string; uptimeSeconds: number }> => hub.request('GET', '/healthz'),

    whoami: (): Promise<Actor> => hub.request('GET', '/v1/whoami'),

    fleetStatus: (): Promise<FleetStatus> => hub.request('GET', '/v1/status'),

    listSites,

    getSite: (id: string): Promise<SiteDetail> =>
      hub.request('GET', `/v1/sites/${encodeURIComponent(id)}${query({ assets: siteAssets === 'all' ? undefined : siteAssets })}`),

    /** The site's wait, one sample a minute, over the last `minutes` (the hub's default: 60). */
    waitHistory: (siteId: string, options: { minutes?: number } = {}): Promise<WaitHistory> =>
      hub.request('GET', `/v1/sites/${encodeURIComponent(siteId)}/wait-history${query({ minutes: options.minutes })}`),

    /** The site's hours ahead (the hub's default: 12) as the baseline expects them and under each scenario's changes. */
    siteScenarios: (siteId: string, scenarios: readonly ScenarioChanges[], options: { hours?: number } = {}): Promise<SiteScenarios> =>
      hub.request('GET', `/v1/sites/${encodeURIComponent(siteId)}/scenario${query({ hours: options.hours, scenario: scenarios.map(scenarioText) })}`),

    /**
     * Turn what a person typed (RUH, ruh, "king khalid", "الملك خالد") into one
     * site, or throw NotFoundError naming the nearest matches.
     */
    async findSite(text: string): Promise<Site> {
      const result = resolveSite(await listSites(), text);
      if (result.site) return result.site;
      throw noMatch('site', text, result.ambiguous, result.suggestions.map((s) => ({ id: s.id, label: `${s.id} (${s.name.en})` })));
    },

    /** Turn what a person typed after `--region` (makkah, مكة, jeddah) into one region's name, or throw NotFoundError. */
    async findRegion(text: string, sites?: readonly Site[]): Promise<string> {
      const result = resolveRegion(sites ?? (await listSites()), text);
      if (result.region) return result.region;
      throw noMatch('region', text, result.ambiguous, result.suggestions.map((r) => ({ id: r, label: r })));
    },

    listAssets: async (filter: { site?: string; kind?: AssetKind } = {}): Promise<Asset[]> =>
      (await hub.request<{ assets: Asset[] }>('GET', `/v1/assets${query(filter)}`)).assets,
  };
}

export type SiteCalls = ReturnType<typeof siteCalls>;

// One wording for a site or region nobody could pick out: several that fit
// equally (listed, never guessed), or the nearest, or none.
function noMatch(what: 'site' | 'region', text: string, ambiguous: boolean, near: { id: string; label: string }[]): NotFoundError {
  const names = near.map((n) => n.label);
  return new NotFoundError(ambiguous ? `"${text}" matches more than one ${what}: ${names.join(', ')}` : `no ${what} matches "${text}"`, {
    hint: names.length && !ambiguous ? `did you mean ${names.join(', ')}?` : `list them with \`watchfloor sites list\``,
    // What a reply in another language is drawn from: the nearest ids, and whether they all fit equally.
    details: { suggestions: near.map((n) => n.id), ambiguous },
  });
}
