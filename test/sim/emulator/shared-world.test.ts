// The simulator and the device emulator share one world: simulated faults
// show on the devices, remote fixes and repairs resolve the alert and are not
// undone, injected faults fire, and a run stays deterministic for its seed
// and its inputs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../../src/core/client.js';
import type { AlertmanagerAlert, AlertmanagerWebhook } from '../../../src/sim/alerts.js';
import { DEVICE_KINDS } from '../../../src/sim/emulator/device-kinds.js';
import { faultKindOf } from '../../../src/sim/emulator/fault-kinds.js';
import { DeviceWorld } from '../../../src/sim/emulator/world.js';
import { mulberry32 } from '../../../src/sim/rng.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/simulator.js';
import { initialState, step, type SimState, type StepResult } from '../../../src/sim/step.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { fleet } from './emulator-fixture.js';

const START = Date.parse('2026-09-08T15:00:00Z');
const MINUTE_MS = 60_000;

/** A simulator driven by hand against a world, minute by minute. */
function sharedRun(seed: number) {
  const rng = mulberry32(seed);
  const world = new DeviceWorld(fleet.assets, { now: () => new Date(START), effortMs: () => 1 });
  let state: SimState = initialState(fleet, new Date(START), rng);
  world.faultsStarted(state.faults);
  let minute = 0;
  const results: StepResult[] = [];
  return {
    world,
    get state() {
      return state;
    },
    results,
    step(): StepResult {
      minute++;
      const result = step(state, new Date(START + minute * MINUTE_MS), 60, rng, world.takeChanges());
      state = result.state;
      world.faultsStarted(result.started);
      world.faultsCleared(result.cleared);
      results.push(result);
      return result;
    },
  };
}

const alertsFor = (results: StepResult[], assetId: string): AlertmanagerAlert[] =>
  results.flatMap((r) => r.alerts).filter((a) => (a.labels.site ? `${a.labels.site}/${a.labels.asset}` : a.labels.asset) === assetId);

const hasHardwareFault = (state: SimState) => state.faults.some((f) => faultKindOf(f.kind, f.faultKind)!.hardware);

describe('simulated faults on the devices', () => {
  it('every fault the simulator has is on its device with the same kind, and the ground truth matches after many steps', () => {
    const run = sharedRun(7);
    expect(run.state.faults.length).toBeGreaterThan(0);
    for (let i = 0; i < 120; i++) run.step();
    const truth = new Map(run.world.faults().map((f) => [f.assetId, f]));
    expect(truth.size).toBe(run.state.faults.length);
    for (const f of run.state.faults) {
      expect(truth.get(f.assetId)).toMatchObject({ id: f.id, fault: f.faultKind, source: 'simulated' });
      expect(faultKindOf(f.kind, f.faultKind), f.faultKind).toBeDefined();
    }
  });
});

describe('remote fixes and repairs', () => {
  it('a remote fix resolves the alert at the next step and the fault never fires again', async () => {
    const run = sharedRun(3);
    const target = run.state.faults.find((f) => faultKindOf(f.kind, f.faultKind)!.fixedBy.length > 0)!;
    run.step();
    expect(alertsFor(run.results, target.assetId).filter((a) => a.status === 'firing')).toHaveLength(1);
    const action = faultKindOf(target.kind, target.faultKind)!.fixedBy[0]!;
    const outcome = await run.world.act(target.assetId, action, {}, 'fix-1');
    expect(outcome.status).toBe('done');
    expect(run.world.faults().some((f) => f.assetId === target.assetId)).toBe(false);

    const next = run.step();
    const resolved = next.alerts.filter((a) => a.status === 'resolved' && alertsFor([next], target.assetId).includes(a));
    expect(resolved).toHaveLength(1);
    const fired = alertsFor(run.results, target.assetId).find((a) => a.status === 'firing')!;
    expect(resolved[0]!.fingerprint).toBe(fired.fingerprint);
    expect(run.state.faults.some((f) => f.id === target.id)).toBe(false);

    // Past the hourly repeat and the fault's own repair time: nothing more about it.
    const before = run.results.length;
    for (let i = 0; i < 24 * 60; i++) run.step();
    const later = run.results.slice(before).flatMap((r) => r.alerts).filter((a) => a.fingerprint === fired.fingerprint);
    expect(later).toEqual([]);
  });

  it('a simulated hardware fault survives every remote action and clears when the simulator\'s repair time runs out', async () => {
    // The first seed whose day starts with a hardware fault in progress.
    const seed = [...Array(200).keys()].find((n) => hasHardwareFault(initialState(fleet, new Date(START), mulberry32(n))))!;
    const run = sharedRun(seed);
    const hw = run.state.faults.find((f) => faultKindOf(f.kind, f.faultKind)!.hardware)!;
    expect(hw).toBeDefined();
    run.step();
    for (const action of DEVICE_KINDS[hw.kind].actions) {
      await run.world.act(hw.assetId, action, action === 'switch-mode' ? { mode: 'offline' } : {}, `hw-${action}`);
      expect(run.world.faults().find((f) => f.assetId === hw.assetId), action).toMatchObject({ id: hw.id, hardware: true });
    }
    // Steps on until its repair time: the device is healthy again and the alert resolved.
    while (run.state.faults.some((f) => f.id === hw.id)) run.step();
    expect(run.world.faults().some((f) => f.id === hw.id)).toBe(false);
    expect(run.world.health(hw.assetId).status).toBe('ok');
    expect(alertsFor([run.results.at(-1)!], hw.assetId).map((a) => a.status)).toEqual(['resolved']);
  });

  it('an injected fault fires at the next step, lasts until repaired on site, then resolves', () => {
    const run = sharedRun(4);
    const assetId = fleet.assets.find((a) => a.kind === 'server' && !run.state.faults.some((f) => f.assetId === a.id))!.id;
    const injected = run.world.inject(assetId, 'psu-failure');
    const first = run.step();
    expect(alertsFor([first], assetId).map((a) => a.status)).toEqual(['firing']);
    expect(run.state.faults.find((f) => f.assetId === assetId)).toMatchObject({ id: injected.id, source: 'injected', faultKind: 'psu-failure' });
    for (let i = 0; i < 12 * 60; i++) run.step();
    expect(alertsFor(run.results, assetId).filter((a) => a.status === 'resolved')).toEqual([]);
    expect(run.world.repair(assetId)).toMatchObject({ fault: 'psu-failure' });
    const after = run.step();
    expect(alertsFor([after], assetId).map((a) => a.status)).toEqual(['resolved']);
  });

  it('an injection fixed before the simulator saw it never fires', async () => {
    const run = sharedRun(4);
    const assetId = fleet.assets.find((a) => a.kind === 'kiosk' && !run.state.faults.some((f) => f.assetId === a.id))!.id;
    run.world.inject(assetId, 'printer-jam');
    await run.world.act(assetId, 'clear-jam', {}, 'quick');
    const next = run.step();
    expect(alertsFor([next], assetId)).toEqual([]);
    expect(run.state.faults.some((f) => f.assetId === assetId)).toBe(false);
  });
});

describe('determinism', () => {
  function drill(seed: number) {
    const run = sharedRun(seed);
    const free = fleet.assets.filter((a) => a.kind === 'cctv' && !run.state.faults.some((f) => f.assetId === a.id));
    for (let i = 0; i < 180; i++) {
      if (i === 10) run.world.inject(free[0]!.id, 'stream-stalled');
      if (i === 50) run.world.inject(free[1]!.id, 'sensor-failure');
      if (i === 90) run.world.repair(free[1]!.id);
      run.step();
    }
    return {
      outputs: JSON.stringify(run.results.map((r) => ({ telemetry: r.telemetry, alerts: r.alerts }))),
      truth: JSON.stringify(run.world.faults()),
    };
  }

  it('the same seed and the same injected inputs give the same run; another seed another', () => {
    const a = drill(11);
    const b = drill(11);
    expect(a.outputs).toBe(b.outputs);
    expect(a.truth).toBe(b.truth);
    expect(drill(12).outputs).not.toBe(a.outputs);
  });
});

describe('startSimulator with the world over real HTTP', () => {
  const servers: Server[] = [];
  const sims: RunningSimulator[] = [];
  const clients: CoreClient[] = [];
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('posts a firing alert for an injected fault and the resolved one after a remote fix', async () => {
    const alerts: AlertmanagerAlert[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/v1/ingest/alertmanager') alerts.push(...(JSON.parse(body) as AlertmanagerWebhook).alerts);
        res.setHeader('content-type', 'application/json');
        res.end(req.url === '/v1/ingest/telemetry' ? '{"accepted":103}' : '{"created":[],"updated":[],"resolved":[],"ignored":0}');
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = new CoreClient({ hubUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'wf_test', requestTimeoutMs: 2_000 });
    clients.push(client);
    const world = new DeviceWorld(fleet.assets, { effortMs: () => 1 });
    sims.push(startSimulator({ client, fleet, seed: 9, speed: 60, tickMs: 30, world }));

    const poll = { timeoutMs: 10_000, intervalMs: 20 } as const;
    await waitUntil(() => world.faults().length > 0, { ...poll, what: 'the faults in progress on the devices' });
    const assetId = 'platform/watchlist';
    world.repair(assetId); // in case the day started with it faulted
    world.inject(assetId, 'token-expired');
    const mine = () => alerts.filter((a) => a.labels.asset === assetId);
    await waitUntil(() => mine().some((a) => a.status === 'firing'), { ...poll, what: 'the firing alert' });
    await world.act(assetId, 'renew-token', {}, 'fix');
    await waitUntil(() => mine().some((a) => a.status === 'resolved'), { ...poll, what: 'the resolved alert' });
    expect(mine().find((a) => a.status === 'resolved')!.fingerprint).toBe(mine().find((a) => a.status === 'firing')!.fingerprint);
  });
});
