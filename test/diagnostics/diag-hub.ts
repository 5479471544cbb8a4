// A real hub on 127.0.0.1:0 whose assets' managementUrls point at a fake
// fleet of devices on another loopback port; clients for each role.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreClient } from '../../src/core/client.js';
import type { Asset, AssetKind, Site, TokenRole } from '../../src/core/model.js';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/start.js';
import { fixtureWiring } from '../hub/hub-fixture.js';
import { startFakeFleet, type FakeFleet } from './fake-fleet.js';

/** A minimal airport for diagnostics tests. */
export const site = (id: string): Site => ({
  id,
  name: { en: `${id} airport`, ar: id },
  kind: 'air',
  region: 'Riyadh',
  city: 'Riyadh',
  cityAr: null,
  lat: 24,
  lon: 46,
  neighbour: null,
  annualPassengers: null,
  staff: 100,
  source: null,
});

export const ASSETS: [string, AssetKind][] = [
  ['RUH/egate-01', 'egate'],
  ['RUH/egate-02', 'egate'],
  ['RUH/reader-01', 'passport-reader'],
  ['RUH/server-a', 'server'],
  ['RUH/link-primary', 'network-link'],
  ['JED/egate-01', 'egate'],
];
/** On record, but nothing answers at its management URL. */
export const DEAD_ASSET = 'JED/cctv-01';

export interface DiagHub extends RunningHub {
  fleet: FakeFleet;
  admin: CoreClient;
  as(role: TokenRole, name?: string): Promise<CoreClient>;
  stop(): Promise<void>;
}

export async function startDiagHub(options: Partial<HubOptions> = {}): Promise<DiagHub> {
  const fleet = await startFakeFleet();
  const assets: Asset[] = ASSETS.map(([id, kind]) => ({ id, siteId: id.split('/')[0]!, kind, name: id, health: 'ok', managementUrl: fleet.urlOf(id) }));
  // Port 9 (discard) on loopback: nothing listens, the connection is refused.
  assets.push({ id: DEAD_ASSET, siteId: 'JED', kind: 'cctv', name: DEAD_ASSET, health: 'ok', managementUrl: `http://127.0.0.1:9/${DEAD_ASSET}` });
  const dir = mkdtempSync(join(tmpdir(), 'wf-diag-'));
  const { wiring } = fixtureWiring({ sites: [site('RUH'), site('JED')], assets });
  const hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, demo: true, ...options }, wiring);
  const clients: CoreClient[] = [];
  const admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  clients.push(admin);
  return {
    ...hub,
    fleet,
    admin,
    async as(role, name = role) {
      const { secret } = await admin.createToken({ name, role });
      const c = new CoreClient({ hubUrl: hub.url, token: secret });
      clients.push(c);
      return c;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await hub.close();
      await fleet.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every check of a kind passing, with overrides. */
export function checksOf(kind: AssetKind, faults: Record<string, 'pass' | 'warn' | 'fail'> = {}) {
  const names: Record<string, string[]> = {
    egate: ['service', 'camera', 'card-reader', 'door'],
    'passport-reader': ['driver', 'firmware', 'optics'],
    server: ['service', 'disk', 'clock', 'certificate', 'power'],
    'network-link': ['carrier', 'standby', 'quality'],
  };
  return Object.fromEntries(names[kind]!.map((n) => [n, faults[n] ?? 'pass'])) as Record<string, 'pass' | 'warn' | 'fail'>;
}
