// What the demo's equipment depends on, for the inventory the demo loads: an
// e-gate checks each passport against the national identity platform and the
// watchlist, over its site's primary network link; the site's other networked
// devices (desks, readers, kiosks, cameras) reach their servers over that link
// too. The hub groups alerts under their cause by these. Pure: derived from the fleet.
import type { Asset, AssetKind } from '../core/model.js';
import { platformAssetId } from './platforms.js';

export interface AssetDependency {
  asset: string;
  dependsOn: string;
}

const PLATFORMS_OF_A_GATE = [platformAssetId('identity'), platformAssetId('watchlist')];
// Bodycams upload at their dock when they can; the link failing does not stop them working.
const BEHIND_THE_LINK: ReadonlySet<AssetKind> = new Set(['egate', 'counter', 'passport-reader', 'biometric-kiosk', 'kiosk', 'cctv']);

export function fleetDependencies(assets: readonly Asset[]): AssetDependency[] {
  const ids = new Set(assets.map((a) => a.id));
  return assets
    .filter((a) => BEHIND_THE_LINK.has(a.kind) && a.siteId)
    .flatMap((device) => {
      const link = `${device.siteId}/network-link-01`;
      const platforms = device.kind === 'egate' ? PLATFORMS_OF_A_GATE : [];
      return [...platforms, link].filter((d) => ids.has(d)).map((dependsOn) => ({ asset: device.id, dependsOn }));
    });
}
