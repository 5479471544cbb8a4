// A site's detail with only the assets that need attention (`?assets=attention`,
// what chat asks for): the ones not ok, and `assetCount` counting them all; the
// CLI's default still brings every asset, and a view the hub does not know is refused.
// And the national platforms not ok, which degrade every site without a thing of its own to show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { renderSiteDetail } from '../../src/render/site-detail.js';
import { waitUntil } from '../helpers/wait-until.js';
import { fixture, rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let viewer: CoreClient & { secret: string };
let chat: CoreClient;
let intake: CoreClient;

beforeAll(async () => {
  hub = await startFixtureHub();
  viewer = await hub.clientAs('viewer', 'watcher');
  chat = await hub.clientAs('viewer', 'chat-view', { siteAssets: 'attention' });
  // An alert on RUH/egate-07 takes it down.
  intake = await hub.clientAs('intake', 'alertmanager');
  await intake.ingestAlertmanager(fixture('alertmanager-v4-firing.json'));
  await waitUntil(async () => (await viewer.getSite('RUH')).assets.some((a) => a.health !== 'ok'), { what: 'an asset of RUH down', timeoutMs: 10_000 });
});

afterAll(async () => {
  await hub?.stop();
});

describe('GET /v1/sites/:id?assets=attention', () => {
  it('brings the assets not ok and counts them all; the default brings every one', async () => {
    const all = await viewer.getSite('RUH');
    expect(all.assets.map((a) => a.id).sort()).toEqual(['RUH/counter-01', 'RUH/egate-07', 'RUH/egate-08']);
    expect(all.assetCount).toBe(3);
    const attention = await chat.getSite('RUH');
    expect(attention.assets.map((a) => [a.id, a.health])).toEqual([['RUH/egate-07', 'down']]);
    expect(attention.assetCount).toBe(3);
    expect(attention.site).toEqual(all.site);
    expect(attention.status.health).toBe(all.status.health);
  });

  it('a site with every asset ok: none listed, all counted', async () => {
    const jed = await chat.getSite('JED');
    expect(jed.assets).toEqual([]);
    expect(jed.assetCount).toBe(1);
  });

  it('names the national platforms not ok: a site degraded by one alone says why', async () => {
    expect((await viewer.getSite('JED')).platformsDown).toEqual([]);
    const webhook = fixture('alertmanager-v4-firing.json') as { alerts: Record<string, unknown>[] };
    const [alert] = webhook.alerts;
    await intake.ingestAlertmanager({ ...webhook, alerts: [{ ...alert!, labels: { alertname: 'PlatformDown', asset: 'platform/visa', severity: 'critical' }, fingerprint: 'visa-down' }] });
    const jed = await waitUntil(async () => {
      const detail = await viewer.getSite('JED');
      return detail.platformsDown?.length ? detail : undefined;
    }, { what: 'platform/visa not ok', timeoutMs: 10_000 });
    expect(jed.status.health).toBe('degraded');
    expect(jed.status.openIncidents.total).toBe(0);
    expect(jed.assets.every((a) => a.health === 'ok')).toBe(true);
    expect(jed.platformsDown).toEqual([{ id: 'platform/visa', name: 'platform/visa', health: 'down' }]);
    const shown = renderSiteDetail(jed, { tty: true, color: false, width: 120, lang: 'en', now: new Date() });
    expect(shown.split('\n')[2]).toBe('health: degraded · platforms not ok: platform/visa (down)');
  });

  it('an unknown view or query field is a usage error (400), the hub unharmed', async () => {
    for (const q of ['assets=some', 'asset=attention']) {
      const r = await rawRequest(`${hub.url}/v1/sites/RUH?${q}`, { token: viewer.secret });
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('usage');
    }
    expect((await viewer.getSite('RUH')).site.id).toBe('RUH');
  });
});
