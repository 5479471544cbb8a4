// The intake behind Debian's real Alertmanager, configured as the README
// tells a deployment to (a webhook receiver with the intake token in
// http_config.authorization): alerts posted to Alertmanager's own API reach
// the hub grouped as Alertmanager groups them, open one incident each at the
// right site and asset, and resolve in the hub once they resolve in
// Alertmanager. The same alert posted straight to the hub first (as a
// Prometheus pointed at the hub would) dedupes with Alertmanager's relay.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../src/core/model.js';
import { startTestAlertmanager, type TestAlertmanager } from '../helpers/alertmanager.js';
import { describeWith } from '../helpers/system-programs.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest, startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

// group_wait and group_interval of 1 s: a notification within a second or two of a change.
const DELIVERY_TIMEOUT_MS = 15_000;

const config = (hubUrl: string, token: string) => `
route:
  receiver: watchfloor
  group_by: [alertname]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: watchfloor
    webhook_configs:
      - url: ${hubUrl}/v1/ingest/alertmanager
        send_resolved: true
        http_config:
          authorization:
            credentials: ${token}
`;

/** Two groups by alertname: a link down at two sites, and one e-gate down. */
const ALERTS = [
  { labels: { alertname: 'LinkDown', site: 'RUH', severity: 'critical' }, annotations: { summary: 'RUH primary link down' } },
  { labels: { alertname: 'LinkDown', site: 'JED', severity: 'critical' }, annotations: { summary: 'JED primary link down' } },
  { labels: { alertname: 'EGateDown', site: 'RUH', asset: 'egate-07', severity: 'warning' }, annotations: { summary: 'RUH e-gate 07 down' } },
];
const postable = (endsAt: string) => ALERTS.map((a) => ({ ...a, endsAt }));

let hub: FixtureHub;
let alertmanager: TestAlertmanager;
let intakeToken = '';

const post = (url: string, body: unknown, token?: string) => rawRequest(url, { method: 'POST', token, body: JSON.stringify(body) });

/** The hub's incidents for our alerts, by summary. */
async function ours(): Promise<Map<string, Incident>> {
  const summaries = new Set(ALERTS.map((a) => a.annotations.summary));
  return new Map((await hub.admin.listIncidents({})).filter((i) => summaries.has(i.title)).map((i) => [i.title, i]));
}

/** Alertmanager's notifications the hub answered: POSTs to its webhook route, by status. */
async function webhookRequests(): Promise<number> {
  const metrics = (await rawRequest(`${hub.url}/metrics`)).text;
  const lines = metrics.split('\n').filter((l) => l.startsWith('watchfloor_http_requests_total{') && l.includes('route="/v1/ingest/alertmanager"'));
  return lines.reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

describeWith('alertmanager', 'Debian’s Alertmanager routing grouped alerts to the hub', () => {
  beforeAll(async () => {
    hub = await startFixtureHub();
    intakeToken = (await hub.clientAs('intake', 'alertmanager')).secret;
    alertmanager = await startTestAlertmanager(config(hub.url, intakeToken));
  }, 30_000);

  afterAll(async () => {
    await alertmanager?.stop();
    await hub?.stop();
  });

  it('opens one incident per alert, in one notification per group, deduped with the same alert posted straight to the hub', async () => {
    const firingUntil = new Date(Date.now() + 3_600_000).toISOString();
    // A Prometheus pointed at the hub sends the e-gate alert first: it opens the incident Alertmanager's relay must find.
    expect((await post(`${hub.url}/api/v2/alerts`, [postable(firingUntil)[2]], intakeToken)).status).toBe(200);
    const direct = (await ours()).get('RUH e-gate 07 down')!;
    expect(direct).toMatchObject({ state: 'triggered', siteId: 'RUH', assetId: 'RUH/egate-07' });

    const posted = await post(`${alertmanager.url}/api/v2/alerts`, postable(firingUntil));
    expect(posted.status, posted.text).toBe(200);
    const incidents = await waitUntil(
      async () => {
        const found = await ours();
        return found.size === ALERTS.length && (await webhookRequests()) >= 2 && found;
      },
      { what: 'three incidents from two grouped notifications', timeoutMs: DELIVERY_TIMEOUT_MS, describe: () => alertmanager.log().slice(-2_000) },
    );
    expect(await webhookRequests()).toBe(2); // one per alertname group, not one per alert
    expect(incidents.get('RUH primary link down')).toMatchObject({ severity: 'sev1', siteId: 'RUH', assetId: null, state: 'triggered' });
    expect(incidents.get('JED primary link down')).toMatchObject({ severity: 'sev1', siteId: 'JED', assetId: null, state: 'triggered' });
    expect(incidents.get('RUH e-gate 07 down')).toMatchObject({ id: direct.id, severity: 'sev3' });

    // The fingerprints are Alertmanager's own.
    const listed = (await (await fetch(`${alertmanager.url}/api/v2/alerts`, { signal: AbortSignal.timeout(5_000) })).json()) as { fingerprint: string; annotations: { summary: string } }[];
    expect(new Set(listed.map((a) => `${a.annotations.summary} ${a.fingerprint}`))).toEqual(new Set([...incidents.values()].map((i) => `${i.title} ${i.fingerprint}`)));
  });

  it('resolves them in the hub once they resolve in Alertmanager', async () => {
    const before = await webhookRequests();
    const posted = await post(`${alertmanager.url}/api/v2/alerts`, postable(new Date().toISOString()));
    expect(posted.status, posted.text).toBe(200);
    const resolved = await waitUntil(
      async () => {
        const found = await ours();
        return [...found.values()].every((i) => i.state === 'resolved') && found;
      },
      { what: 'the three incidents resolved', timeoutMs: DELIVERY_TIMEOUT_MS, describe: () => alertmanager.log().slice(-2_000) },
    );
    expect([...resolved.values()].map((i) => i.resolvedBy?.id)).toEqual(['system', 'system', 'system']);
    expect(await webhookRequests()).toBe(before + 2);
  });
});
