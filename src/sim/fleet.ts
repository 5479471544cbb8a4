// The demo fleet: the 103 real sites with estimated staff and equipment, the
// 992 contact centre, and the national platforms. Pure and deterministic: every call builds the same
// fleet.
import type { Asset, Site } from '../core/model.js';
import { CONTACT_CENTRE_AGENTS, contactCentreSites } from './contact-centre.js';
import { fleetDependencies, type AssetDependency } from './dependencies.js';
import { siteAssets } from './equipment.js';
import { platformAssets } from './platforms.js';
import { loadSites } from './site-records.js';
import { allocateStaff } from './staff.js';

export interface DemoFleet {
  sites: Site[];
  assets: Asset[];
  dependencies?: AssetDependency[];
}

export function buildDemoFleet(): DemoFleet {
  const records = loadSites();
  // The officers are shared among the passport sites; the line has its own agents.
  const staff = allocateStaff(records);
  const sites: Site[] = [
    ...records.map((r) => ({ ...r, staff: staff.get(r.id)! })),
    ...contactCentreSites().map((r) => ({ ...r, staff: CONTACT_CENTRE_AGENTS })),
  ];
  const assets = [...sites.flatMap(siteAssets), ...platformAssets()];
  return { sites, assets, dependencies: fleetDependencies(assets) };
}
