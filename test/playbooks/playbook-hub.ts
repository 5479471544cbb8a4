// A real hub for the runner's tests: a fake fleet of devices on loopback that
// counts what each really did (test/diagnostics/fake-fleet.ts), a hub over a
// small fleet pointing at it, a catalogue of playbooks the test writes (one
// it may change mid-run), and a runner that ticks fast. The hub can be closed
// and started again on the same data file, the fleet living on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreClient } from '../../src/core/client.js';
import { PlaybookDefinition, type Asset, type PlaybookRun, type PlaybookRunDetail, type TokenRole } from '../../src/core/model.js';
import type { DemoDevices, DemoWorld } from '../../src/hub/demo/demo-world.js';
import { catalogOf, type PlaybookCatalog } from '../../src/hub/playbooks/catalog.js';
import { startHub, type HubOptions, type RunningHub } from '../../src/hub/start.js';
import { ASSETS, DEAD_ASSET, site } from '../diagnostics/diag-hub.js';
import { startFakeFleet, type FakeFleet } from '../diagnostics/fake-fleet.js';
import { waitUntil } from '../helpers/wait-until.js';

const bi = (en: string) => ({ en, ar: `${en} (ar)` });

/** A playbook as a file would give it, through the schema (defaults filled). */
export function playbook(id: string, steps: Record<string, unknown>[], extra: Record<string, unknown> = {}): PlaybookDefinition {
  return PlaybookDefinition.parse({
    id,
    version: 1,
    title: bi(`${id} title`),
    description: bi(`${id} description`),
    severity: 'sev2',
    steps: steps.map((s) => ({ title: bi(`${String(s.id)} title`), ...s })),
    ...extra,
  });
}

export const FAST_RUNNER = { tickMs: 20, conditionPollMs: 30, leaseTtlMs: 3_000, closeGraceMs: 300 };

/** A catalogue the test can change under running runs, as an operator edits a file. */
export function mutableCatalog(definitions: PlaybookDefinition[]): PlaybookCatalog & { edit(definition: PlaybookDefinition): void } {
  const files = new Map(definitions.map((d) => [d.id, d]));
  let current = catalogOf(definitions.map((definition) => ({ definition, source: 'test' })));
  return {
    list: () => current.list(),
    get: (id) => current.get(id),
    /** The file of this playbook's id now holds `definition`. */
    edit(definition) {
      files.set(definition.id, definition);
      current = catalogOf([...files.values()].map((d) => ({ definition: d, source: 'test' })));
    },
  };
}

/** What drills inject into: a record of each call, and a way to make the next ones hang. */
export interface FakeInjector {
  calls: { assetId: string; fault: string; forMs?: number | undefined }[];
  hang: boolean;
}

export interface PlaybookHub extends RunningHub {
  fleet: FakeFleet;
  dir: string;
  admin: CoreClient;
  injector: FakeInjector;
  as(role: TokenRole, name?: string, extra?: Partial<ConstructorParameters<typeof CoreClient>[0]> & { bot?: boolean }): Promise<CoreClient>;
  /** Closes the hub, keeping its data file and the fleet. */
  closeKeepingData(): Promise<void>;
  stop(): Promise<void>;
}

export interface PlaybookHubOptions extends Partial<HubOptions> {
  catalog?: PlaybookCatalog;
  /** Start again on this hub's data file and fleet. */
  after?: PlaybookHub;
}

function world(fleet: FakeFleet, injector: FakeInjector): DemoWorld {
  const assets: Asset[] = ASSETS.map(([id, kind]) => ({ id, siteId: id.split('/')[0]!, kind, name: id, health: 'ok', managementUrl: fleet.urlOf(id) }));
  assets.push({ id: DEAD_ASSET, siteId: 'JED', kind: 'cctv', name: DEAD_ASSET, health: 'ok', managementUrl: `http://127.0.0.1:9/${DEAD_ASSET}` });
  assets.push({ id: 'platform/visa', siteId: null, kind: 'integration', name: 'visa', health: 'ok', managementUrl: null });
  const devices: DemoDevices = {
    url: fleet.origin,
    managementUrlOf: (id) => (id === DEAD_ASSET ? `http://127.0.0.1:9/${id}` : fleet.urlOf(id)),
    deviceToken: 'wfdev_test',
    controlToken: 'wfsim_test',
    stop: async () => {},
    async injectFault(assetId, fault, options) {
      injector.calls.push({ assetId, fault, ...(options?.forMs === undefined ? {} : { forMs: options.forMs }) });
      if (injector.hang) await new Promise(() => {});
      return { id: `I${String(injector.calls.length).padStart(6, '0')}`, assetId, fault };
    },
  };
  return {
    buildFleet: () => ({ sites: [site('RUH'), site('JED')], assets }),
    startDevices: async () => devices,
    startSimulator: () => ({ stop: async () => {} }),
  };
}

export async function startPlaybookHub(definitions: PlaybookDefinition[], options: PlaybookHubOptions = {}): Promise<PlaybookHub> {
  const { catalog, after, ...hubOptions } = options;
  const fleet = after?.fleet ?? (await startFakeFleet());
  const injector = after?.injector ?? { calls: [], hang: false };
  const dir = after?.dir ?? mkdtempSync(join(tmpdir(), 'wf-playbooks-'));
  const playbooks = catalog ?? catalogOf(definitions.map((definition) => ({ definition, source: 'test' })));
  const hub = await startHub(
    { dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, demo: true, playbooks, playbookRunner: FAST_RUNNER, ...hubOptions },
    world(fleet, injector),
  );
  const adminToken = hub.adminToken ?? (after as unknown as { adminSecret?: string } | undefined)?.adminSecret;
  const clients: CoreClient[] = [];
  const admin = new CoreClient({ hubUrl: hub.url, token: adminToken });
  clients.push(admin);
  const closeKeepingData = async () => {
    await Promise.all(clients.map((c) => c.close()));
    await hub.close();
  };
  return Object.assign(
    {
      ...hub,
      fleet,
      dir,
      admin,
      injector,
      adminSecret: adminToken,
      async as(role: TokenRole, name: string = role, { bot, ...extra }: Partial<ConstructorParameters<typeof CoreClient>[0]> & { bot?: boolean } = {}) {
        const { secret } = await admin.createToken({ name, role, ...(bot ? { bot } : {}) });
        const c = new CoreClient({ hubUrl: hub.url, token: secret, ...extra });
        clients.push(c);
        return c;
      },
      closeKeepingData,
      async stop() {
        await closeKeepingData();
        await fleet.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    },
    {},
  );
}

/** Waits (bounded) until the run satisfies `check`; returns its detail then. */
export async function runWhen(client: CoreClient, id: string, what: string, check: (d: PlaybookRunDetail) => boolean, timeoutMs = 10_000): Promise<PlaybookRunDetail> {
  let last: PlaybookRunDetail | undefined;
  return waitUntil(
    async () => {
      last = await client.getRun(id);
      return check(last) ? last : undefined;
    },
    { what, timeoutMs, describe: () => (last ? `${last.run.status} at ${last.run.currentStep}: ${last.run.reason ?? ''}` : 'no answer') },
  );
}

export const status = (s: PlaybookRun['status'], waitingOn?: PlaybookRun['waitingOn']) => (d: PlaybookRunDetail) =>
  d.run.status === s && (waitingOn === undefined || d.run.waitingOn === waitingOn);
