// What the demo's equipment depends on, for the inventory the demo loads: an
// e-gate checks each passport against the national identity platform and the
// watchlist, over its site's primary network link. Pure: derived from the fleet.
import type { Asset } from '../core/model.js';
import { platformAssetId } from './platforms.js';

export interface AssetDependency {
  asset: string;
  dependsOn: string;
}

const PLATFORMS_OF_A_GATE = [platformAssetId('identity'), platformAssetId('watchlist')];

export function fleetDependencies(assets: readonly Asset[]): AssetDependency[] {
  const ids = new Set(assets.map((a) => a.id));
  return assets
    .filter((a) => a.kind === 'egate' && a.siteId)
    .flatMap((gate) => {
      const link = `${gate.siteId}/network-link-01`;
      return [...PLATFORMS_OF_A_GATE, ...(ids.has(link) ? [link] : [])].filter((d) => ids.has(d)).map((dependsOn) => ({ asset: gate.id, dependsOn }));
    });
}
