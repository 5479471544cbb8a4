// buildApp with fastify.inject: an unexpected failure is a 500 hub_error,
// logged once, and the next request is served normally.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/hub/app.js';
import { SYSTEM } from '../../src/hub/caller.js';
import type { HubContext } from '../../src/hub/context.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { issueToken } from '../../src/hub/tokens/tokens.js';

let dir = '';
let store: Store;
let events: HubEvents;
let secret = '';
const logs: string[] = [];
let failNextSiteList = false;

function contextWith(real: Store): HubContext {
  // The real store, except that listing sites can be made to blow up.
  const flaky = Object.create(real) as Store;
  flaky.listSites = async (q) => {
    if (failNextSiteList) {
      failNextSiteList = false;
      throw new TypeError('disk on fire');
    }
    return real.listSites(q);
  };
  const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
  return { store: flaky, bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: (l) => logs.push(l), version: 'test', startedAt: new Date() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wf-inject-'));
  store = openSqliteStore(join(dir, 'hub.sqlite'));
  events = await openHubEvents(store);
  secret = (await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'root', role: 'admin' }, new Date().toISOString()))).secret;
});

afterAll(async () => {
  await events?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('unexpected failures', () => {
  it('answer 500 hub_error without leaking the cause, log it, and the hub keeps serving', async () => {
    const app = buildApp(contextWith(store));
    try {
      const headers = { authorization: `Bearer ${secret}` };
      failNextSiteList = true;
      const failed = await app.inject({ method: 'GET', url: '/v1/sites', headers });
      expect(failed.statusCode).toBe(500);
      expect(failed.json()).toEqual({ error: expect.objectContaining({ code: 'hub_error' }) });
      expect(failed.body).not.toContain('disk on fire');
      expect(logs.some((l) => l.includes('disk on fire') && l.includes('/v1/sites'))).toBe(true);

      const next = await app.inject({ method: 'GET', url: '/v1/sites', headers });
      expect(next.statusCode).toBe(200);
      expect(next.json()).toEqual({ sites: [] });
    } finally {
      await app.close();
    }
  });

  it('a failed transaction leaves nothing behind', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.upsertSites([
          { id: 'TMP', name: { en: 'x', ar: 'x' }, kind: 'air', region: 'r', city: 'c', cityAr: null, lat: 0, lon: 0, neighbour: null, annualPassengers: null, staff: 1, source: null },
        ]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.countSites()).toBe(0);
  });
});
