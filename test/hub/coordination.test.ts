// Coordination state in the store: per-site run slots and disruptive-action
// rates, the device action ledger, and automatic-remediation claims. Two
// stores over one SQLite file stand for two hubs; closing one and opening
// another stands for a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeActionLedger } from '../../src/hub/coordination/store-action-ledger.js';
import { storeSiteLimits } from '../../src/hub/diagnostics/limits.js';
import { storeRemediationClaims } from '../../src/hub/diagnostics/remediation-claims.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';

let dir = '';
let file = '';
const stores: Store[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-coord-'));
  file = join(dir, 'hub.sqlite');
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

const hub = () => {
  const store = openSqliteStore(file);
  stores.push(store);
  return store;
};

/** A promise and the function that settles it. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((r) => (open = r));
  return { opened, open };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const done = (message: string) => ({ action: 'restart-service', status: 'done' as const, replayed: false, message });

describe('per-site limits in the store', () => {
  it('two hubs share one limit of runs per site; another site is not held up', async () => {
    const [a, b] = [storeSiteLimits(hub(), { concurrencyPerSite: 2 }), storeSiteLimits(hub(), { concurrencyPerSite: 2 })];
    let active = 0;
    let most = 0;
    const run = async () => {
      most = Math.max(most, ++active);
      await sleep(30);
      active--;
    };
    const otherSite = gate<number>();
    const t0 = Date.now();
    const runs = Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).withSite('RUH', run));
    void a.withSite('JED', async () => otherSite.open(Date.now() - t0));
    expect(await otherSite.opened).toBeLessThan(200);
    await Promise.all(runs);
    expect(most).toBe(2);
  });

  it("a hub's runs at a site pass its leases on to each other: a burst costs the store a lease per slot, not one per run", async () => {
    const store = hub();
    let acquired = 0;
    const counting: Store = Object.assign(Object.create(store) as Store, {
      transaction: <T>(fn: (tx: Parameters<Parameters<Store['transaction']>[0]>[0]) => Promise<T>) =>
        store.transaction((tx) => fn(Object.assign(Object.create(tx) as typeof tx, { acquireLease: (r: Parameters<typeof tx.acquireLease>[0]) => (acquired++, tx.acquireLease(r)) }))),
    });
    const limits = storeSiteLimits(counting, { concurrencyPerSite: 2 });
    let ran = 0;
    await Promise.all(Array.from({ length: 10 }, () => limits.withSite('RUH', async () => void ran++)));
    expect(ran).toBe(10);
    expect(acquired).toBe(2);
  });

  it('a run slot held by a hub that died lapses, and another hub gets it', async () => {
    const store = hub();
    // Taken and never renewed nor released: its hub is gone.
    await store.transaction((tx) => tx.acquireLease({ scope: 'site-runs:ruh', holder: 'dead-hub', limit: 1, nowMs: Date.now(), ttlMs: 150 }));
    const limits = storeSiteLimits(hub(), { concurrencyPerSite: 1 });
    const t0 = Date.now();
    await limits.withSite('RUH', async () => {});
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('the disruptive actions of two hubs count against one rate per site', async () => {
    const options = { disruptivePerWindow: 2, windowMs: 300 };
    const [a, b] = [storeSiteLimits(hub(), options), storeSiteLimits(hub(), options)];
    const t0 = Date.now();
    await a.disruptiveSlot('RUH');
    await b.disruptiveSlot('RUH');
    await b.disruptiveSlot('JED');
    expect(Date.now() - t0).toBeLessThan(250);
    await a.disruptiveSlot('RUH');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(295);
  });
});

describe('action ledger in the store', () => {
  it('a key in flight on one hub is seen by another: it waits, then replays the outcome; the action ran once', async () => {
    const [a, b] = [storeActionLedger(hub()), storeActionLedger(hub())];
    const acting = gate();
    let runs = 0;
    const act = async () => {
      runs++;
      await acting.opened;
      return done('restarted');
    };
    const first = a.once('RUH/server-a', 'k-1', act);
    await sleep(30);
    const second = b.once('ruh/SERVER-A', 'k-1', act);
    await sleep(30);
    expect(runs).toBe(1);
    acting.open();
    expect(await first).toMatchObject({ replayed: false, message: 'restarted' });
    expect(await second).toMatchObject({ replayed: true, message: 'restarted' });
    expect(runs).toBe(1);
  });

  it('survives a restart: a key done before it replays after it instead of acting again', async () => {
    const before = hub();
    let runs = 0;
    const act = async () => done(`run ${++runs}`);
    expect(await storeActionLedger(before).once('RUH/server-a', 'k-1', act)).toMatchObject({ replayed: false, message: 'run 1' });
    await stores.pop()!.close();
    expect(await storeActionLedger(hub()).once('RUH/server-a', 'k-1', act)).toMatchObject({ replayed: true, message: 'run 1' });
    expect(runs).toBe(1);
  });

  it('a failed action forgets its key so the retry acts; keys lapse after the TTL and beyond the cap per asset', async () => {
    let now = 1_000_000;
    const ledger = storeActionLedger(hub(), { ttlMs: 1_000, maxKeysPerAsset: 2, now: () => now });
    let runs = 0;
    const act = async () => done(`run ${++runs}`);
    await expect(ledger.once('a', 'k', () => Promise.reject(new Error('no answer')))).rejects.toThrow('no answer');
    expect((await ledger.once('a', 'k', act)).replayed).toBe(false);
    now += 999;
    expect((await ledger.once('a', 'k', act)).replayed).toBe(true);
    now += 1;
    expect((await ledger.once('a', 'k', act)).replayed).toBe(false);
    await ledger.once('a', 'k2', act);
    await ledger.once('a', 'k3', act);
    // k was claimed longest ago: the cap of 2 forgot it.
    expect((await ledger.once('a', 'k3', act)).replayed).toBe(true);
    expect((await ledger.once('a', 'k', act)).replayed).toBe(false);
  });

  it('an in-flight key whose hub died lapses, and the retry acts', async () => {
    const store = hub();
    await store.transaction((tx) =>
      tx.claimActionKey({ assetId: 'a', key: 'k', holder: 'dead-hub', nowMs: Date.now(), ttlMs: 60_000, inFlightMs: 100, maxKeysPerAsset: 10 }),
    );
    const outcome = await storeActionLedger(hub()).once('a', 'k', async () => done('acted'));
    expect(outcome).toMatchObject({ replayed: false, message: 'acted' });
  });
});

describe('automatic remediation claims', () => {
  it('of two hubs hearing of the same incident exactly one runs it, and a finished claim keeps the other off', async () => {
    const [a, b] = [storeRemediationClaims(hub()), storeRemediationClaims(hub())];
    let runs = 0;
    const run = async () => {
      runs++;
      await sleep(20);
    };
    const won = await Promise.all([a.runClaimed('INC-000001', run), b.runClaimed('INC-000001', run)]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await b.runClaimed('INC-000001', run)).toBe(false);
    expect(await a.runClaimed('INC-000001', run)).toBe(false);
    expect(runs).toBe(1);
  });

  it('a claim by a hub that died lapses, and another hub takes the incident', async () => {
    // Claimed by a hub that then died: never renewed, never finished.
    await hub().transaction((tx) => tx.acquireLease({ scope: 'auto-remediate:INC-000002', holder: 'dead-hub', limit: 1, nowMs: Date.now(), ttlMs: 100 }));
    const other = storeRemediationClaims(hub(), { ttlMs: 100 });
    let runs = 0;
    expect(await other.runClaimed('INC-000002', async () => void runs++)).toBe(false);
    await sleep(120);
    expect(await other.runClaimed('INC-000002', async () => void runs++)).toBe(true);
    expect(runs).toBe(1);
  });
});
