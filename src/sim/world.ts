// The simulator's fixed view of the fleet: each site with its equipment
// grouped by what it does for the queues. Built once per run.
import type { Asset, AssetKind, Site } from '../core/model.js';
import type { DemoFleet } from './fleet.js';

export interface SiteModel {
  site: Site;
  /** Asset ids by kind, in number order; readers[i] sits on counters[i]. */
  equipment: Record<AssetKind, string[]>;
  /** Staggers this airport's flight banks against the others' (radians). */
  bankPhase: number;
}

export interface SimWorld {
  sites: SiteModel[];
  /** Every asset, sites first then platforms, in fleet order (the order faults are drawn in). */
  assets: Asset[];
  assetById: ReadonlyMap<string, Asset>;
  siteById: ReadonlyMap<string, SiteModel>;
}

// Spreads the phases evenly however many airports there are.
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

const noEquipment = (): Record<AssetKind, string[]> => ({
  egate: [],
  counter: [],
  'passport-reader': [],
  'biometric-kiosk': [],
  kiosk: [],
  cctv: [],
  bodycam: [],
  'network-link': [],
  server: [],
  integration: [],
});

export function buildWorld(fleet: DemoFleet): SimWorld {
  const sites = fleet.sites.map((site, i) => ({ site, equipment: noEquipment(), bankPhase: (i * GOLDEN_ANGLE) % (2 * Math.PI) }));
  const siteById = new Map(sites.map((m) => [m.site.id, m]));
  for (const asset of fleet.assets) {
    if (asset.siteId === null) continue;
    const model = siteById.get(asset.siteId);
    if (!model) throw new Error(`asset ${asset.id} belongs to an unknown site ${asset.siteId}`);
    model.equipment[asset.kind].push(asset.id);
  }
  return { sites, assets: fleet.assets, assetById: new Map(fleet.assets.map((a) => [a.id, a])), siteById };
}
