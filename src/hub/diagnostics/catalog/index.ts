// The diagnostic catalog, one entry per asset kind (written from docs/device-signals.md).
import type { AssetKind } from '../../../core/model.js';
import { biometricKioskCatalog } from './biometric-kiosk.js';
import { bodycamCatalog } from './bodycam.js';
import { cctvCatalog } from './cctv.js';
import { counterCatalog } from './counter.js';
import { egateCatalog } from './egate.js';
import { integrationCatalog } from './integration.js';
import { kioskCatalog } from './kiosk.js';
import { networkLinkCatalog } from './network-link.js';
import { passportReaderCatalog } from './passport-reader.js';
import { serverCatalog } from './server.js';
import type { KindCatalog } from './types.js';

export const CATALOG: Readonly<Record<AssetKind, KindCatalog>> = {
  egate: egateCatalog,
  counter: counterCatalog,
  'passport-reader': passportReaderCatalog,
  'biometric-kiosk': biometricKioskCatalog,
  kiosk: kioskCatalog,
  cctv: cctvCatalog,
  bodycam: bodycamCatalog,
  'network-link': networkLinkCatalog,
  server: serverCatalog,
  integration: integrationCatalog,
};

export type * from './types.js';
