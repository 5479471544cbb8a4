// What the intake needs from the inventory to place an alert (the sites and
// assets it knows, the label mapping, compiled), built once per inventory
// revision instead of read again for every webhook: reading every site for
// each alert was the largest share of the intake's time. The revision is read
// in the caller's transaction, so an inventory apply (by this hub or another
// over the same store) takes effect at the next batch of alerts.
import type { AlertLabelMapping } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { compiledMapping, DEFAULT_ALERT_LABELS } from './alert-label-rules.js';
import type { Inventory } from './alert-mapping.js';
import { dependencyGraph, type DependencyGraph } from './dependency-graph.js';

export interface AlertPlaces {
  inventory: Inventory;
  mapping: AlertLabelMapping;
  /** What depends on what, for grouping alerts under their cause. */
  dependencies: DependencyGraph;
}

type PlacesReader = Pick<StoreReader, 'getInventoryRevision' | 'listSites' | 'listAssets' | 'getAlertLabels' | 'listDependencies'>;

async function loadPlaces(tx: PlacesReader): Promise<AlertPlaces> {
  const sites = new Map((await tx.listSites()).map((s) => [s.id.toUpperCase(), s.id]));
  const assets = new Map((await tx.listAssets()).map((a) => [a.id.toLowerCase(), a.id]));
  const mapping = (await tx.getAlertLabels()) ?? DEFAULT_ALERT_LABELS;
  compiledMapping(mapping);
  return {
    inventory: { siteId: (label) => sites.get(label.toUpperCase()), assetId: (id) => assets.get(id.toLowerCase()) },
    mapping,
    dependencies: dependencyGraph(await tx.listDependencies()),
  };
}

/** A reader of the places as of the store's inventory revision; one per hub. */
export function alertPlacesCache(): (tx: PlacesReader) => Promise<AlertPlaces> {
  let cached: { revision: number; places: AlertPlaces } | undefined;
  return async (tx) => {
    const revision = await tx.getInventoryRevision();
    if (cached?.revision !== revision) cached = { revision, places: await loadPlaces(tx) };
    return cached.places;
  };
}
