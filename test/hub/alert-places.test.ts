// The intake compiles what it needs from the inventory once per inventory
// revision; a change of sites, assets or the label mapping — by this store or
// another over the same file (another hub) — must reach the next alert.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertPlacesCache } from '../../src/hub/incidents/alert-places.js';
import { mapAlert } from '../../src/hub/incidents/alert-mapping.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { tinyFleet } from './hub-fixture.js';

let dir = '';
let store: Store;
let other: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-places-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  other = openSqliteStore(join(dir, 'hub.sqlite'));
});

afterEach(async () => {
  await store.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});

const alert = (labels: Record<string, string>) => ({ status: 'firing' as const, labels, annotations: {}, fingerprint: 'fp-1' });

describe('the places the intake maps alerts onto', () => {
  it('are read again after any inventory change, from this store or another over the same file', async () => {
    const places = alertPlacesCache();
    const fleet = tinyFleet();
    const place = async (labels: Record<string, string>) => {
      const { inventory, mapping } = await places(store);
      const { siteId, assetId } = mapAlert(alert(labels), inventory, mapping);
      return { siteId, assetId };
    };
    expect(await place({ site: 'ruh', asset: 'egate-07' })).toEqual({ siteId: null, assetId: null });

    await store.transaction((tx) => tx.upsertSites(fleet.sites));
    expect(await place({ site: 'ruh', asset: 'egate-07' })).toEqual({ siteId: 'RUH', assetId: null });
    const unchanged = await places(store);
    expect(await places(store)).toBe(unchanged); // no change, nothing read again

    await other.transaction((tx) => tx.upsertAssets(fleet.assets));
    expect(await place({ site: 'ruh', asset: 'egate-07' })).toEqual({ siteId: 'RUH', assetId: 'RUH/egate-07' });

    await other.transaction((tx) => tx.setAlertLabels({ site: [{ label: 'instance', pattern: '^([a-z]+)-' }], asset: [{ label: 'instance', pattern: '^([a-z]+)-(egate-\\d+)', id: '{1}/{2}' }] }));
    expect(await place({ instance: 'ruh-egate-07.border.local:9100' })).toEqual({ siteId: 'RUH', assetId: 'RUH/egate-07' });

    await store.transaction((tx) => tx.removeAssets(['RUH/egate-07']));
    expect(await place({ instance: 'ruh-egate-07.border.local:9100' })).toEqual({ siteId: 'RUH', assetId: null });
  });
});
