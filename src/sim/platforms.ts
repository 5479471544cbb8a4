// The national platforms every site depends on. They are assets with no
// site: when one fails, every site feels it (see PLATFORM_IMPACT in faults).
import type { Asset } from '../core/model.js';

export const PLATFORMS = [
  { name: 'identity', title: 'National identity (Absher / NIC)' },
  { name: 'visa', title: 'E-visa (MOFA)' },
  { name: 'watchlist', title: 'National watchlist' },
  { name: 'customs', title: 'Customs declarations (ZATCA)' },
  { name: 'health', title: 'Health declarations (MOH)' },
  { name: 'traffic', title: 'Vehicles and driving licences (Muroor)' },
  { name: 'hajj-umrah', title: 'Hajj and Umrah permits (Nusuk)' },
  { name: 'interpol-sltd', title: 'INTERPOL Stolen and Lost Travel Documents' },
  { name: 'api-pnr', title: 'Advance passenger information (API / PNR)' },
  { name: 'residency', title: 'Residency and iqama (Muqeem)' },
  { name: 'civil-aviation', title: 'Civil aviation (GACA)' },
  { name: 'labour', title: 'Labour and work permits (Qiwa)' },
] as const;
export type PlatformName = (typeof PLATFORMS)[number]['name'];

export const platformAssetId = (name: PlatformName): string => `platform/${name}`;

export function platformAssets(): Asset[] {
  return PLATFORMS.map((p) => ({
    id: platformAssetId(p.name),
    siteId: null,
    kind: 'integration',
    name: p.title,
    health: 'ok',
    managementUrl: null,
  }));
}
