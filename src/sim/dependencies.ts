// What the demo's equipment depends on, for the inventory the demo loads: an
// e-gate checks each passport against the national identity platform and the
// watchlist, over its site's primary network link; the site's other networked
// devices (desks, readers, kiosks, cameras) reach their servers over that link
// too. At the 992 contact centre the AI voice agent takes its calls from the
// telephony platform (the site's first server). The hub groups alerts under their cause by these. Pure: derived from the fleet.
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
  // Only the contact centre has an integration of its own: the platforms have no site.
  const voiceAgents = assets
    .filter((a) => a.kind === 'integration' && a.siteId && ids.has(`${a.siteId}/server-01`))
    .map((a) => ({ asset: a.id, dependsOn: `${a.siteId}/server-01` }));
  return [...behindTheLink(assets, ids), ...voiceAgents];
}

function behindTheLink(assets: readonly Asset[], ids: ReadonlySet<string>): AssetDependency[] {
  return assets
    .filter((a) => BEHIND_THE_LINK.has(a.kind) && a.siteId)
    .flatMap((device) => {
      const link = `${device.siteId}/network-link-01`;
      const platforms = device.kind === 'egate' ? PLATFORMS_OF_A_GATE : [];
      return [...platforms, link].filter((d) => ids.has(d)).map((dependsOn) => ({ asset: device.id, dependsOn }));
    });
}
