// Which sites a KPI covers: one site (--site), a region's or a kind's, or
// the whole fleet — which alone also covers the national platforms (assets
// with no site). A site is named as people type it; an empty region or kind
// is a usage error rather than a KPI of nothing.
import { UsageError } from '../../core/errors.js';
import type { KpiFilter, SiteKind } from '../../core/model.js';
import { siteIdOf } from '../site-id.js';
import type { StoreReader } from '../store/store.js';

export interface KpiScopeQuery {
  site?: string | undefined;
  region?: string | undefined;
  kind?: SiteKind | undefined;
}

export interface KpiScope {
  filter: KpiFilter;
  /** Null: every site, and the things with no site. */
  siteIds: ReadonlySet<string> | null;
}

export async function resolveKpiScope(store: StoreReader, query: KpiScopeQuery): Promise<KpiScope> {
  const given = [query.site, query.region, query.kind].filter((v) => v !== undefined).length;
  if (given > 1) throw new UsageError('give one of site, region and kind', { hint: 'a KPI covers one site, one region, one kind of site or the whole fleet' });
  if (query.site !== undefined) {
    const id = await siteIdOf(store, query.site);
    return { filter: { siteId: id, region: null, kind: null }, siteIds: new Set([id.toUpperCase()]) };
  }
  if (query.region === undefined && query.kind === undefined) return { filter: { siteId: null, region: null, kind: null }, siteIds: null };
  const sites = await store.listSites({ region: query.region, kind: query.kind });
  if (sites.length === 0) {
    throw new UsageError(query.region !== undefined ? `no sites in region "${query.region}"` : `no sites of kind ${query.kind}`, {
      hint: 'list the sites and their regions with `watchfloor sites list`',
    });
  }
  return {
    filter: { siteId: null, region: query.region === undefined ? null : sites[0]!.region, kind: query.kind ?? null },
    siteIds: new Set(sites.map((s) => s.id.toUpperCase())),
  };
}

/** Whether something at `siteId` (null: no site, a national platform) is in scope. */
export function inScope(scope: KpiScope, siteId: string | null): boolean {
  if (scope.siteIds === null) return true;
  return siteId !== null && scope.siteIds.has(siteId.toUpperCase());
}
