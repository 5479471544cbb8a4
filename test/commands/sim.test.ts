// `sim inject|faults|kinds` against the real device emulator on loopback, and
// where its URL comes from (--sim > WATCHFLOOR_SIM > the profile's `sim`) and
// its control token (WATCHFLOOR_SIM_TOKEN > the profile's `simToken`).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { startDeviceEmulator, type RunningDeviceEmulator } from '../../src/sim/emulator/index.js';
import { closedPortUrl, startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';

const asset = (id: string, kind: Asset['kind']): Asset => ({ id, siteId: id.split('/')[0]!, kind, name: id, health: 'ok', managementUrl: null });
const CREDENTIALS = { control: 'wfsim_control-token-of-the-sim-tests', device: 'wfdev_device-token-of-the-sim-tests' };
const ASSETS = [asset('RUH/egate-01', 'egate'), asset('RUH/egate-02', 'egate'), asset('RUH/egate-03', 'egate'), asset('JED/cctv-001', 'cctv')];

let emulator: RunningDeviceEmulator;
let hub: StubHub;
let cli: FakeCli;

beforeAll(async () => {
  emulator = await startDeviceEmulator({ assets: ASSETS, credentials: CREDENTIALS });
  // The hub is asked only for "did you mean" when the emulator does not know an asset.
  hub = await startStubHub([{ method: 'GET', path: '/v1/assets?site=RUH', body: { assets: ASSETS.filter((a) => a.siteId === 'RUH') } }]);
  cli = fakeCli({ env: { WATCHFLOOR_SIM: emulator.url, WATCHFLOOR_SIM_TOKEN: CREDENTIALS.control, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' } });
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await emulator.stop();
  await hub.close();
  cli.cleanup();
});

describe('sim inject and sim faults', () => {
  it('injects a fault the emulator then reports as ground truth', async () => {
    const r = await cli.run('sim', 'inject', 'ruh/egate-01', '--fault', 'door-motor-failure');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^injected door-motor-failure into RUH\/egate-01 \(I\d{6}; needs visit \(hardware\)\)\n$/);
    expect(emulator.world.faults().map((f) => [f.assetId, f.fault])).toContainEqual(['RUH/egate-01', 'door-motor-failure']);

    const j = await cli.run('sim', 'faults', '--json');
    const { faults } = JSON.parse(j.stdout);
    expect(faults).toEqual([
      expect.objectContaining({ assetId: 'RUH/egate-01', siteId: 'RUH', assetKind: 'egate', fault: 'door-motor-failure', hardware: true, mitigated: false, source: 'injected' }),
    ]);
    expect(Object.keys(faults[0]).sort()).toEqual(['assetId', 'assetKind', 'fault', 'field', 'hardware', 'id', 'mitigated', 'remedy', 'since', 'siteId', 'source']);
  });

  it('piped faults: one row per fault; --site narrows', async () => {
    await cli.run('sim', 'inject', 'JED/cctv-001', '--fault', 'storage-full');
    const r = await cli.run('sim', 'faults');
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 6));
    // Oldest first; the two may share a millisecond, so only the set is certain.
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['RUH/egate-01', 'egate', 'door-motor-failure', 'visit (hardware)', 'no', 'injected'],
        ['JED/cctv-001', 'cctv', 'storage-full', 'remote fix', 'no', 'injected'],
      ]),
    );
    const jed = await cli.run('sim', 'faults', '--site', 'jed');
    expect(jed.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an asset that already has a fault: exit 5', async () => {
    const r = await cli.run('sim', 'inject', 'RUH/egate-01', '--fault', 'hung-service');
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('already has a fault');
  });

  it('a fault the kind does not have: exit 2 naming the ones it has', async () => {
    const r = await cli.run('sim', 'inject', 'RUH/egate-02', '--fault', 'lens-damage');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('card-reader-jam');
  });

  it('an unknown asset: exit 4 with the nearest ids (from the hub)', async () => {
    const r = await cli.run('sim', 'inject', 'RUH/egate-1', '--fault', 'hung-service', '--json');
    expect(r.code).toBe(4);
    const { error } = JSON.parse(r.stderr);
    expect(error).toMatchObject({ code: 'not_found', message: 'no asset RUH/egate-1' });
    expect(error.details.suggestions[0]).toBe('RUH/egate-01');
  });

  it('not an asset id at all: exit 2 without asking anyone', async () => {
    expect((await cli.run('sim', 'inject', 'RUH', '--fault', 'hung-service')).code).toBe(2);
  });
});

describe('sim kinds', () => {
  it('the fault kinds of one asset kind with their fixes', async () => {
    const r = await cli.run('sim', 'kinds', '--kind', 'egate');
    const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows.map((c) => c[1])).toEqual(['hung-service', 'camera-misaligned', 'card-reader-jam', 'door-motor-failure']);
    expect(rows[3]!.slice(2, 4)).toEqual(['visit (hardware)', '-']);
    const j = JSON.parse((await cli.run('sim', 'kinds', '--json')).stdout);
    expect(j.remotelyHandledShare).toBeGreaterThan(0);
  });
});

describe('where the emulator is', () => {
  it('no URL anywhere: exit 2 saying how to get one', async () => {
    const bare = fakeCli();
    try {
      const r = await bare.run('sim', 'faults');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no device emulator URL in profile default');
      expect(r.stderr).toContain('hub start --demo');
    } finally {
      bare.cleanup();
    }
  });

  it('the profile key sim, overridden by WATCHFLOOR_SIM, overridden by --sim', async () => {
    const dead = await closedPortUrl();
    const other = fakeCli({ env: {} });
    try {
      expect((await other.run('config', 'set', 'sim', emulator.url)).code).toBe(0);
      expect((await other.run('config', 'set', 'simToken', CREDENTIALS.control)).code).toBe(0);
      expect((await other.run('sim', 'faults', '--json')).code).toBe(0);
      const viaFlag = await other.run('sim', 'faults', '--sim', dead);
      expect(viaFlag.code).toBe(3);
      expect(viaFlag.stderr).toContain(`cannot reach the device emulator at ${dead}`);
      const withEnv = fakeCli({ env: { WATCHFLOOR_SIM: dead, WATCHFLOOR_SIM_TOKEN: CREDENTIALS.control } });
      try {
        expect((await withEnv.run('sim', 'faults')).code).toBe(3);
        expect((await withEnv.run('sim', 'faults', '--sim', emulator.url)).code).toBe(0);
      } finally {
        withEnv.cleanup();
      }
    } finally {
      other.cleanup();
    }
  });

  it('config set sim checks it is a URL without a user or password', async () => {
    const r = await cli.run('config', 'set', 'sim', 'http://drill:pw-in-url@127.0.0.1:1');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('pw-in-url');
    expect((await cli.run('config', 'set', 'sim', 'not a url')).code).toBe(2);
  });
});

describe("the emulator's control token", () => {
  const clis: FakeCli[] = [];
  const withProfile = async (token: string | undefined, env: Record<string, string> = {}) => {
    const c = fakeCli({ env });
    clis.push(c);
    expect((await c.run('config', 'set', 'sim', emulator.url)).code).toBe(0);
    if (token !== undefined) expect((await c.run('config', 'set', 'simToken', token)).code).toBe(0);
    return c;
  };
  afterEach(() => clis.splice(0).forEach((c) => c.cleanup()));

  it('the one stored beside sim opens the drills; config list shows it masked', async () => {
    const c = await withProfile(CREDENTIALS.control);
    const r = await c.run('sim', 'inject', 'RUH/egate-03', '--fault', 'hung-service');
    expect(r.code, r.stderr).toBe(0);
    expect(emulator.world.faults().map((f) => f.assetId)).toContain('RUH/egate-03');
    const list = await c.run('config', 'list', '--json');
    expect(JSON.parse(list.stdout).profiles.default.simToken).toMatch(/^wfsim_…/);
    expect(list.stdout).not.toContain(CREDENTIALS.control);
  });

  it('a bogus one: exit 6 for every drill command, and nothing injected', async () => {
    const c = await withProfile('wfsim_bogus');
    const before = emulator.world.faults().length;
    for (const argv of [['sim', 'inject', 'RUH/egate-02', '--fault', 'hung-service'], ['sim', 'faults'], ['sim', 'kinds']]) {
      const r = await c.run(...argv, '--json');
      expect(r.code, argv.join(' ')).toBe(6);
      expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'unauthenticated', hint: expect.stringContaining('simToken') });
    }
    expect(emulator.world.faults()).toHaveLength(before);
  });

  it('none stored: exit 6 saying where the token comes from; WATCHFLOOR_SIM_TOKEN supplies one', async () => {
    const c = await withProfile(undefined);
    const r = await c.run('sim', 'faults');
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('without its control token');
    expect(r.stderr).toContain('hub start --demo');
    const env = await withProfile(undefined, { WATCHFLOOR_SIM_TOKEN: CREDENTIALS.control });
    expect((await env.run('sim', 'faults')).code).toBe(0);
  });

  it("the profile's token is never sent to another emulator URL (--sim, WATCHFLOOR_SIM)", async () => {
    const elsewhere = await startStubHub([{ method: 'GET', path: '/control/v1/faults', body: { faults: [] } }]);
    try {
      const c = await withProfile(CREDENTIALS.control);
      expect((await c.run('sim', 'faults', '--sim', elsewhere.url)).code).toBe(0);
      c.deps.env = { ...c.deps.env, WATCHFLOOR_SIM: elsewhere.url };
      expect((await c.run('sim', 'faults')).code).toBe(0);
      expect(elsewhere.requests).toHaveLength(2);
      expect(elsewhere.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    } finally {
      await elsewhere.close();
    }
  });
});
