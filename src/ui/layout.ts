// Which sites and incidents the screen shows, in what order: derived from
// the view state by pure functions the components and the reducer share.
import { compareOrdinal } from '../core/ordinal.js';
import { foldChildren } from '../core/incident-groups.js';
import type { Incident, SiteStatus } from '../core/model.js';
import { SEVERITIES, SITE_KINDS } from '../core/vocabulary.js';

export type Grouping = 'kind' | 'region';

export interface SiteGroup {
  key: string;
  sites: SiteStatus[];
}

/** A filter matches a site's id, English or Arabic name, region or kind (any part, any case). */
export function siteMatches(site: SiteStatus, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return [site.id, site.name.en, site.name.ar, site.region, site.kind].some((field) =>
    field.toLowerCase().includes(needle),
  );
}

export function groupSites(sites: readonly SiteStatus[], grouping: Grouping, filter: string): SiteGroup[] {
  const groups = new Map<string, SiteStatus[]>();
  // Kinds in their fixed order (air, land, sea, service centres); regions by name.
  if (grouping === 'kind') for (const kind of SITE_KINDS) groups.set(kind, []);
  for (const site of sites) {
    if (!siteMatches(site, filter)) continue;
    const key = grouping === 'kind' ? site.kind : site.region;
    const list = groups.get(key) ?? [];
    list.push(site);
    groups.set(key, list);
  }
  const keys = [...groups.keys()];
  if (grouping === 'region') keys.sort((a, b) => compareOrdinal(a, b));
  return keys
    .map((key) => ({ key, sites: [...(groups.get(key) ?? [])].sort((a, b) => compareOrdinal(a.id, b.id)) }))
    .filter((g) => g.sites.length > 0);
}

/** Tiles in screen rows: each group starts a new row. */
export function wallRows(groups: readonly SiteGroup[], columns: number): SiteStatus[][] {
  const rows: SiteStatus[][] = [];
  for (const g of groups) {
    for (let i = 0; i < g.sites.length; i += columns) rows.push(g.sites.slice(i, i + columns));
  }
  return rows;
}

/**
 * Tile width: a wide terminal shows the id and units; 80 columns condenses to
 * id, wait and incidents; a very wide one (a 300-column wall) has room for
 * every id whole (the longest is 16: LND-JADIDAT-ARAR).
 */
export const TILE = { full: 27, wide: 20, condensed: 13 } as const;
export const WIDE_FROM_COLUMNS = 120;
export const FULL_FROM_COLUMNS = 270;

export function tileWidth(width: number): number {
  return width >= FULL_FROM_COLUMNS ? TILE.full : width >= WIDE_FROM_COLUMNS ? TILE.wide : TILE.condensed;
}

export function wallColumns(width: number): number {
  return Math.max(1, Math.floor(width / tileWidth(width)));
}

/** Most severe first, then oldest first: the one to look at next is on top. */
export function sortIncidents(incidents: readonly Incident[]): Incident[] {
  return [...incidents].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
      compareOrdinal(a.id, b.id),
  );
}

/** The queue under a filter: incidents at the matching sites (platform-wide ones only when nothing is filtered). */
export function queueIncidents(incidents: readonly Incident[], sites: readonly SiteStatus[], filter: string): Incident[] {
  // Children fold under their parent (its row counts them); under a site filter they show, as that site's own.
  if (!filter.trim()) return foldChildren(sortIncidents(incidents)).map((group) => group.incident);
  const shown = new Set(sites.filter((s) => siteMatches(s, filter)).map((s) => s.id.toUpperCase()));
  return sortIncidents(incidents.filter((i) => i.siteId !== null && shown.has(i.siteId.toUpperCase())));
}
