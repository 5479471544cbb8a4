// A real hub on 127.0.0.1:0 over a temp data file, seeded with a tiny fleet
// through the demo path (no simulator), plus clients for each role.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreClient } from '../../src/core/client.js';
import type { Asset, Site, TokenRole } from '../../src/core/model.js';
import type { DemoWorld, Fleet, SimulatorStart } from '../../src/hub/demo/demo-world.js';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/start.js';
import { waitUntil } from '../helpers/wait-until.js';

const site = (id: string, en: string, kind: Site['kind'], region: string): Site => ({
  id,
  name: { en, ar: en },
  kind,
  region,
  city: region,
  cityAr: null,
  lat: 24,
  lon: 46,
  neighbour: null,
  annualPassengers: null,
  staff: 100,
  source: null,
});

const asset = (id: string, siteId: string | null, kind: Asset['kind']): Asset => ({
  id,
  siteId,
  kind,
  name: id,
  health: 'ok',
  managementUrl: null,
});

export function tinyFleet(): Fleet {
  return {
    sites: [
      site('RUH', 'King Khalid International Airport', 'air', 'Riyadh'),
      site('JED', 'King Abdulaziz International Airport', 'air', 'Makkah'),
      site('LND-BATHA', 'Al Batha', 'land', 'Eastern'),
    ],
    assets: [
      asset('RUH/egate-07', 'RUH', 'egate'),
      asset('RUH/egate-08', 'RUH', 'egate'),
      asset('RUH/counter-01', 'RUH', 'counter'),
      asset('JED/egate-01', 'JED', 'egate'),
      asset('platform/visa', null, 'integration'),
    ],
  };
}

/** Seeds the fleet; records what the simulator would have been started with. */
export function fixtureWiring(fleet: Fleet = tinyFleet()) {
  const started: SimulatorStart[] = [];
  let stopped = 0;
  const wiring: DemoWorld = {
    buildFleet: () => fleet,
    startSimulator(options) {
      started.push(options);
      return { stop: async () => void stopped++ };
    },
  };
  return { wiring, started, stopped: () => stopped };
}

/** How the client calls (channel, the chat user it acts for), and whether its token is a bot's. */
export type ClientExtras = Partial<ConstructorParameters<typeof CoreClient>[0]> & { bot?: boolean };

export interface FixtureHub extends RunningHub {
  dir: string;
  admin: CoreClient;
  /** A client with a fresh token of this role (name defaults to the role). */
  clientAs(role: TokenRole, name?: string, extra?: ClientExtras): Promise<CoreClient & { secret: string }>;
  logs: string[];
  stop(): Promise<void>;
  closeKeepingData(): Promise<void>;
}

export interface FixtureOptions extends Partial<HubOptions> {
  /** Reuse a data directory (restart tests). */
  dir?: string;
  /** The admin secret from an earlier start on the same directory. */
  adminToken?: string;
  /** The fleet to seed (default: the tiny one above). */
  fleet?: Fleet;
}

export async function startFixtureHub(options: FixtureOptions = {}): Promise<FixtureHub> {
  const { dir: reuse, adminToken, fleet, ...hubOptions } = options;
  const dir = reuse ?? mkdtempSync(join(tmpdir(), 'wf-hubtest-'));
  const { wiring } = fixtureWiring(fleet);
  const logs: string[] = [];
  const hub = await startHub(
    { dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, demo: true, log: (l) => logs.push(l), ...hubOptions },
    wiring,
  );
  const clients: CoreClient[] = [];
  const track = <T extends CoreClient>(c: T) => (clients.push(c), c);
  const admin = track(new CoreClient({ hubUrl: hub.url, token: hub.adminToken ?? adminToken }));
  return {
    ...hub,
    dir,
    admin,
    async clientAs(role, name = role, { bot, ...extra } = {}) {
      const { secret } = await admin.createToken({ name, role, ...(bot ? { bot } : {}) });
      return Object.assign(track(new CoreClient({ hubUrl: hub.url, token: secret, ...extra })), { secret });
    },
    logs,
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
    async closeKeepingData() {
      await Promise.all(clients.map((c) => c.close()));
      await hub.close();
    },
  };
}

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8'));
}

/** A raw HTTP call, for what CoreClient would never send. */
export async function rawRequest(
  url: string,
  init: { method?: string; token?: string; body?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** Waits until the hub's alert journal is empty: every alert it answered for is applied (an incident, an update, silenced). */
export async function journalApplied(url: string): Promise<void> {
  await waitUntil(
    async () => {
      const text = (await rawRequest(`${url}/metrics`)).text;
      const depth = /^watchfloor_intake_journal_alerts (\d+)/m.exec(text);
      return depth !== null && depth[1] === '0';
    },
    { what: 'the alert journal applied', timeoutMs: 10_000 },
  );
}
