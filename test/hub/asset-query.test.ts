// The store's asset listing with each combination of its filters (site, kind,
// not ok): the statement is built from the filters given, so each
// combination is its own statement and each is checked here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { site } from '../diagnostics/diag-hub.js';

let dir: string;
let store: Store;
const asset = (id: string, siteId: string | null, kind: Asset['kind'], health: Asset['health']): Asset => ({ id, siteId, kind, name: id, health, managementUrl: null });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-asset-query-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  await store.transaction(async (tx) => {
    await tx.upsertSites([site('RUH'), site('JED')]);
    await tx.upsertAssets([
      asset('RUH/counter-01', 'RUH', 'counter', 'ok'),
      asset('RUH/counter-02', 'RUH', 'counter', 'down'),
      asset('RUH/egate-01', 'RUH', 'egate', 'degraded'),
      asset('JED/counter-01', 'JED', 'counter', 'ok'),
      asset('platform/visa', null, 'integration', 'down'),
    ]);
  });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = async (query: Parameters<Store['listAssets']>[0]) => (await store.listAssets(query)).map((a) => a.id);

describe('listing assets', () => {
  it('takes any combination of site, kind and not-ok, national platforms first when unfiltered', async () => {
    expect(await ids({})).toEqual(['platform/visa', 'JED/counter-01', 'RUH/counter-01', 'RUH/counter-02', 'RUH/egate-01']);
    expect(await ids({ siteId: 'RUH' })).toEqual(['RUH/counter-01', 'RUH/counter-02', 'RUH/egate-01']);
    expect(await ids({ kind: 'counter' })).toEqual(['JED/counter-01', 'RUH/counter-01', 'RUH/counter-02']);
    expect(await ids({ siteId: 'RUH', kind: 'counter' })).toEqual(['RUH/counter-01', 'RUH/counter-02']);
    expect(await ids({ notOk: true })).toEqual(['platform/visa', 'RUH/counter-02', 'RUH/egate-01']);
    expect(await ids({ siteId: 'RUH', notOk: true })).toEqual(['RUH/counter-02', 'RUH/egate-01']);
    expect(await ids({ siteId: 'RUH', kind: 'counter', notOk: true })).toEqual(['RUH/counter-02']);
    expect(await ids({ siteId: 'RUH', kind: 'counter', notOk: false })).toEqual(['RUH/counter-01', 'RUH/counter-02']);
    expect(await ids({ siteId: 'XXX' })).toEqual([]);
  });
});
