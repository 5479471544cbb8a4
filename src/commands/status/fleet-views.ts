// The fleet as `status --region` and `status -o wide` show it: the sites of one
// region with totals counted over them alone, and the facts the wide table adds
// (city, worst asset) fetched beside the fleet status. Kept apart from the verb
// so `status --watch` refetches exactly what `status` shows.
import { compareOrdinal } from '../../core/ordinal.js';
import type { CoreClient } from '../../core/client.js';
import type { Asset, FleetStatus, SeverityCounts, SiteStatus } from '../../core/model.js';
import type { Health } from '../../core/vocabulary.js';
import type { WideSiteFacts } from '../../render/fleet-status.js';

const SEVERITY_KEYS = ['sev1', 'sev2', 'sev3', 'sev4', 'total'] as const;

/** The fleet cut to these sites; totals are theirs, so a region's line adds up. */
export function fleetOf(fleet: FleetStatus, sites: SiteStatus[]): FleetStatus {
  const openIncidents: SeverityCounts = { sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 };
  const health = { ok: 0, degraded: 0, down: 0 };
  let drill: number | undefined;
  for (const s of sites) {
    for (const key of SEVERITY_KEYS) openIncidents[key] += s.openIncidents[key];
    if (s.openIncidents.drill !== undefined) drill = (drill ?? 0) + s.openIncidents.drill;
    health[s.health]++;
  }
  if (drill !== undefined) openIncidents.drill = drill;
  const staff = sites.reduce((sum, s) => sum + s.staff, 0);
  return { ...fleet, sites, totals: { sites: sites.length, health, openIncidents, staff } };
}

const RANK: Record<Health, number> = { down: 0, degraded: 1, ok: 2 };

/** The asset in the worst health, ties by id; null when every asset is ok. */
export function worstAsset(assets: readonly Asset[]): { id: string; health: Health } | null {
  const bad = assets.filter((a) => a.health !== 'ok').sort((a, b) => RANK[a.health] - RANK[b.health] || compareOrdinal(a.id, b.id));
  return bad[0] ? { id: bad[0].id, health: bad[0].health } : null;
}

/** Each site with its city and worst asset: two more calls, made only for -o wide. */
export async function widenSites(client: CoreClient, sites: SiteStatus[]): Promise<(SiteStatus & WideSiteFacts)[]> {
  const [inventory, assets] = await Promise.all([client.listSites(), client.listAssets()]);
  const cities = new Map(inventory.map((s) => [s.id, s]));
  const bySite = new Map<string, Asset[]>();
  for (const a of assets) {
    if (!a.siteId) continue;
    const list = bySite.get(a.siteId);
    if (list) list.push(a);
    else bySite.set(a.siteId, [a]);
  }
  return sites.map((s) => {
    const site = cities.get(s.id);
    return { ...s, city: site?.city, cityAr: site?.cityAr ?? null, worstAsset: worstAsset(bySite.get(s.id) ?? []) };
  });
}
