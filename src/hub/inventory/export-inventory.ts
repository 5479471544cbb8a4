// What the hub holds, as an inventory file would say it: `inventory export`
// writes this, and planning it again shows no changes. The alert-label mapping
// is written out even when it is the defaults, so the file says how alerts route.
import type { InventoryExport, InventoryAsset, InventorySite } from '../../core/model.js';
import { DEFAULT_ALERT_LABELS } from '../incidents/alert-label-rules.js';
import type { StoreReader } from '../store/store.js';

// Fields at null are left out: the file a person reads holds what is known.
const present = <T extends object>(entry: T): T =>
  Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

export async function exportInventory(store: StoreReader): Promise<InventoryExport> {
  const dependsOn = new Map<string, string[]>();
  for (const d of await store.listDependencies()) dependsOn.set(d.asset.toUpperCase(), [...(dependsOn.get(d.asset.toUpperCase()) ?? []), d.dependsOn]);
  const sites: InventorySite[] = (await store.listSites()).map((s) =>
    present({ id: s.id, name: s.name, kind: s.kind, region: s.region, city: s.city, cityAr: s.cityAr, lat: s.lat, lon: s.lon,
      neighbour: s.neighbour, annualPassengers: s.annualPassengers, staff: s.staff, source: s.source }),
  );
  const assets: InventoryAsset[] = (await store.listAssets()).map((a) =>
    present({ id: a.id, site: a.siteId, kind: a.kind, name: a.name, managementUrl: a.managementUrl, dependsOn: dependsOn.get(a.id.toUpperCase()) }),
  );
  return { sites, assets, alertLabels: (await store.getAlertLabels()) ?? DEFAULT_ALERT_LABELS };
}
