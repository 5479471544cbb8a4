// Prometheus (through Alertmanager's own v2 alert API) and Grafana's webhook
// post to the same intake as Alertmanager's webhook: the same label mapping
// onto sites and assets, the same dedup, the same refusals of bad bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { fixture, journalApplied, rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let intake: CoreClient & { secret: string };

const HOUR_MS = 3_600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** What Prometheus sends for one alert: endsAt in the future while it fires, the moment it ended once resolved. */
const postable = (labels: Record<string, string>, endsAt = at(HOUR_MS), extra: Record<string, unknown> = {}) => ({
  labels,
  annotations: { summary: `${labels.alertname} from Prometheus` },
  startsAt: at(-60_000),
  endsAt,
  generatorURL: 'http://prometheus.example.internal:9090/graph?g0.expr=up%3D%3D0',
  ...extra,
});

// Alertmanager's v2 API is answered once the alerts are journaled; the applier
// makes them incidents just after. The tests read incidents, so they wait until
// the journal is empty again (the webhooks answer after applying).
const post = async (path: string, body: unknown, token = intake.secret) => {
  const res = await rawRequest(`${hub.url}${path}`, { method: 'POST', token, body: typeof body === 'string' ? body : JSON.stringify(body) });
  if (path === '/api/v2/alerts' && res.status === 200) await journalApplied(hub.url);
  return res;
};

const byFingerprint = async (fingerprint: string) => (await hub.admin.listIncidents({})).filter((i) => i.fingerprint === fingerprint);

/** Incidents and audit rows: what a refused request must leave as it was. */
const stored = async () => ({ incidents: (await hub.admin.listIncidents({})).length, audit: (await hub.admin.listAudit({ limit: 10_000 })).length });

beforeAll(async () => {
  hub = await startFixtureHub();
  intake = await hub.clientAs('intake', 'prometheus');
});

afterAll(async () => {
  await hub?.stop();
});

describe('POST /api/v2/alerts, as Prometheus posts to an Alertmanager', () => {
  const gate = { alertname: 'GateDown', site: 'RUH', asset: 'RUH/egate-07', severity: 'warning' };
  // What Debian's Alertmanager 0.25 computes for these labels (test/hub/alert-mapping.test.ts).
  const gateFingerprint = 'dcef48b50b7fb468';

  it('answers 200 with an empty body, as Alertmanager does, and opens one incident at the site and asset however often it is sent', async () => {
    const first = await post('/api/v2/alerts', [postable(gate)]);
    expect(first).toMatchObject({ status: 200, text: '' });
    expect((await post('/api/v2/alerts', [postable(gate)])).status).toBe(200);
    const [incident, ...more] = await byFingerprint(gateFingerprint);
    expect(more).toEqual([]);
    expect(incident).toMatchObject({ state: 'triggered', severity: 'sev3', siteId: 'RUH', assetId: 'RUH/egate-07', title: 'GateDown from Prometheus' });
  });

  it('dedupes with the same alert relayed by Alertmanager’s webhook, which carries Alertmanager’s fingerprint', async () => {
    const relayed = await intake.ingestAlertmanager({ alerts: [{ status: 'firing', labels: gate, annotations: {}, fingerprint: gateFingerprint }] });
    const [incident] = await byFingerprint(gateFingerprint);
    expect(relayed).toEqual({ created: [], updated: [incident!.id], resolved: [], ignored: 0, silenced: 0 });
  });

  it('resolves the incident when endsAt has passed, and a zero endsAt (Go’s unset time) still fires', async () => {
    const link = { alertname: 'LinkDown', site: 'JED', severity: 'critical' };
    for (const endsAt of ['0001-01-01T00:00:00Z', null, undefined]) {
      expect((await post('/api/v2/alerts', [postable(link, endsAt as string)])).status).toBe(200);
    }
    const [open] = (await hub.admin.listIncidents({ state: 'open' })).filter((i) => i.title === 'LinkDown from Prometheus');
    expect(open).toMatchObject({ state: 'triggered', severity: 'sev1', siteId: 'JED', assetId: null });
    expect((await post('/api/v2/alerts', [postable(link, at(-1_000))])).status).toBe(200);
    expect((await hub.admin.getIncident(open!.id)).incident).toMatchObject({ state: 'resolved', resolvedBy: { id: 'system' } });
  });

  it('drops empty-valued labels before mapping and fingerprinting, as Alertmanager does', async () => {
    expect((await post('/api/v2/alerts', [postable({ alertname: 'CounterDown', site: 'RUH', asset: 'RUH/counter-01', team: '' })])).status).toBe(200);
    const [withEmpty] = (await hub.admin.listIncidents({})).filter((i) => i.title === 'CounterDown from Prometheus');
    expect(withEmpty!.labels).toEqual({ alertname: 'CounterDown', site: 'RUH', asset: 'RUH/counter-01' });
    expect((await post('/api/v2/alerts', [postable({ alertname: 'CounterDown', site: 'RUH', asset: 'RUH/counter-01' })])).status).toBe(200);
    expect(await byFingerprint(withEmpty!.fingerprint!)).toHaveLength(1);
  });

  // The default rules kept beside the new one: later tests post plain site and asset labels.
  it('maps labels through the inventory’s alert-label rules, like the webhook', async () => {
    await hub.admin.applyInventory([
      { name: 'labels.yaml', text: "alertLabels:\n  site: [{ label: site }, { label: instance, pattern: '^([a-z]+)-' }]\n  asset: [{ label: asset, pattern: '^(.+/.+)$' }, { label: asset, id: '{site}/{value}' }, { label: instance, pattern: '^([a-z]+)-(egate-\\d+)', id: '{1}/{2}' }]\n" },
    ]);
    expect((await post('/api/v2/alerts', [postable({ alertname: 'NodeDown', instance: 'ruh-egate-08.border.local:9100' })])).status).toBe(200);
    const [incident] = (await hub.admin.listIncidents({})).filter((i) => i.title === 'NodeDown from Prometheus');
    expect(incident).toMatchObject({ siteId: 'RUH', assetId: 'RUH/egate-08' });
  });
});

describe('POST /v1/ingest/grafana, Grafana’s alerting webhook', () => {
  it('opens an incident from Grafana’s payload at the site and asset its labels name, once however often it is sent', async () => {
    const a = await post('/v1/ingest/grafana', fixture('grafana-webhook-firing.json'));
    const b = await post('/v1/ingest/grafana', fixture('grafana-webhook-firing.json'));
    expect(a).toMatchObject({ status: 200, body: { created: [expect.any(String)], updated: [], resolved: [], ignored: 0 } });
    expect(b.body).toEqual({ created: [], updated: a.body.created, resolved: [], ignored: 0, silenced: 0 });
    const { incident } = await hub.admin.getIncident(a.body.created[0]);
    expect(incident).toMatchObject({
      fingerprint: 'c6eadffa33fcdf37',
      severity: 'sev1',
      siteId: 'JED',
      assetId: 'JED/egate-01',
      title: 'E-gate 01 at King Abdulaziz International Airport rejects most passports',
      labels: { grafana_folder: 'Border e-gates' },
    });
  });

  it('resolves it when Grafana sends the alert resolved', async () => {
    const resolved = fixture('grafana-webhook-firing.json') as { status: string; alerts: { status: string; endsAt: string }[] };
    resolved.status = 'resolved';
    resolved.alerts[0]!.status = 'resolved';
    resolved.alerts[0]!.endsAt = at(-1_000);
    const r = await post('/v1/ingest/grafana', resolved);
    expect(r.body).toMatchObject({ resolved: [expect.any(String)], created: [] });
    expect((await hub.admin.getIncident(r.body.resolved[0])).incident.state).toBe('resolved');
  });
});

describe('bad bodies: one line, the right status, nothing stored, the hub still up', () => {
  const oversize = JSON.stringify([postable({ alertname: 'Big', site: 'RUH' }, at(HOUR_MS), { annotations: { description: 'x'.repeat(1024 * 1024) } })]);
  it.each([
    ['v2: an object, not an array', '/api/v2/alerts', { alerts: [] }, 400, 'expected array'],
    ['v2: no labels', '/api/v2/alerts', [postable({})], 400, '0.labels: at least one label pair required'],
    ['v2: only empty-valued labels', '/api/v2/alerts', [postable({ site: '', team: '' })], 400, 'at least one label pair required'],
    ['v2: one alert ends before it starts', '/api/v2/alerts', [postable({ alertname: 'Ok', site: 'RUH' }), postable({ alertname: 'Backwards' }, at(-HOUR_MS), { startsAt: at(0) })], 400, '1.endsAt: start time must be before end time'],
    ['v2: a number as a label value', '/api/v2/alerts', [postable({ alertname: 'Count', site: 'RUH', value: 3 as unknown as string })], 400, '0.labels.value'],
    ['v2: a time that is not RFC 3339', '/api/v2/alerts', [postable({ alertname: 'When' }, 'yesterday')], 400, '0.endsAt'],
    ['v2: a __proto__ label', '/api/v2/alerts', '[{"labels": {"alertname": "Proto", "__proto__": "x"}}]', 400, 'JSON'],
    ['v2: truncated JSON', '/api/v2/alerts', '[{"labels": {"alertname": "Trunc', 400, 'JSON'],
    ['v2: over 1 MiB', '/api/v2/alerts', oversize, 413, 'larger than the hub accepts'],
    ['grafana: no alerts', '/v1/ingest/grafana', { receiver: 'watchfloor', status: 'firing', version: '1' }, 400, 'invalid Grafana webhook: alerts'],
    ['grafana: a status Alertmanager never sends', '/v1/ingest/grafana', { alerts: [{ status: 'alerting', labels: { alertname: 'X' } }] }, 400, 'alerts.0.status'],
    ['grafana: over 1 MiB', '/v1/ingest/grafana', oversize, 413, 'larger than the hub accepts'],
  ])('%s (%s)', async (_what, path, body, status, says) => {
    const before = await stored();
    const res = await post(path, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(says);
    expect(res.body.error.message).not.toContain('\n');
    expect(await stored()).toEqual(before);
    expect((await rawRequest(`${hub.url}/healthz`)).status).toBe(200);
  });

  it('takes hostile text as data: control characters and bidi overrides in labels and annotations are stored as sent', async () => {
    const hostile = '\u001b]8;;http://evil\u0007click\u001b[2J\u202egnp.exe\r\nFAKE: resolved';
    expect((await post('/api/v2/alerts', [postable({ alertname: 'Hostile', site: 'RUH', note: hostile }, at(HOUR_MS), { annotations: { summary: hostile } })])).status).toBe(200);
    const [incident] = (await hub.admin.listIncidents({})).filter((i) => i.labels?.note === hostile);
    expect(incident).toMatchObject({ title: hostile, siteId: 'RUH' });
  });
});

describe('only intake tokens post alerts, on every sender’s route', () => {
  it.each(['/api/v2/alerts', '/v1/ingest/grafana'])('%s refuses a person’s token (403) and no token (401), storing nothing', async (path) => {
    const officer = await hub.clientAs('officer', `officer-${path.length}`);
    const body = path === '/api/v2/alerts' ? [postable({ alertname: 'Sneaky', site: 'RUH' })] : fixture('grafana-webhook-firing.json');
    const before = await stored();
    const refused = await post(path, body, officer.secret);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('POST /api/v2/alerts');
    expect((await rawRequest(`${hub.url}${path}`, { method: 'POST', body: JSON.stringify(body) })).status).toBe(401);
    expect(await stored()).toEqual(before);
  });
});
