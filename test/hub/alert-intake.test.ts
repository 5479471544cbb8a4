// The Alertmanager webhook and telemetry intake over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ForbiddenError, UsageError } from '../../src/core/errors.js';
import type { SiteTelemetry } from '../../src/core/model.js';
import { fixture, rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

type Webhook = { alerts: { labels: Record<string, string>; fingerprint: string; status: string }[] };

let hub: FixtureHub;
let alertmanager: CoreClient & { secret: string };
let officer: CoreClient;
let viewer: CoreClient;

const firing = () => fixture('alertmanager-v4-firing.json') as Webhook;
const resolved = () => fixture('alertmanager-v4-resolved.json') as Webhook;
const egate07 = async () => (await viewer.listAssets({ site: 'RUH', kind: 'egate' })).find((a) => a.id === 'RUH/egate-07')!;

beforeAll(async () => {
  hub = await startFixtureHub();
  alertmanager = await hub.clientAs('intake', 'alertmanager');
  officer = await hub.clientAs('officer', 'aisha');
  viewer = await hub.clientAs('viewer', 'wall');
});

afterAll(async () => {
  await hub?.stop();
});

describe('Alertmanager v4 webhook', () => {
  let first = '';

  it('posted twice yields one incident at the right site and asset, and takes the gate down', async () => {
    const a = await alertmanager.ingestAlertmanager(firing());
    const b = await alertmanager.ingestAlertmanager(firing());
    expect(a).toMatchObject({ created: [expect.any(String)], updated: [], resolved: [], ignored: 0 });
    expect(b).toEqual({ created: [], updated: a.created, resolved: [], ignored: 0, silenced: 0 });
    first = a.created[0]!;
    const { incident, timeline } = await viewer.getIncident(first);
    expect(incident).toMatchObject({
      source: 'alertmanager',
      severity: 'sev2',
      state: 'triggered',
      siteId: 'RUH',
      assetId: 'RUH/egate-07',
      fingerprint: '4e2b7f0c1a9d3e55',
      labels: { instance: '10.20.7.17:9100' },
    });
    expect(timeline).toHaveLength(1); // the repeat changed nothing, so noted nothing
    expect((await egate07()).health).toBe('down');
    const ruh = (await viewer.fleetStatus()).sites.find((s) => s.id === 'RUH')!;
    expect(ruh).toMatchObject({ health: 'degraded', openIncidents: { sev2: 1, total: 1 }, egates: { inService: 1, total: 2 } });
  });

  it('a resolved alert resolves the still-triggered incident and restores the gate', async () => {
    const r = await alertmanager.ingestAlertmanager(resolved());
    expect(r).toEqual({ created: [], updated: [], resolved: [first], ignored: 0, silenced: 0 });
    const { incident, timeline } = await viewer.getIncident(first);
    expect(incident).toMatchObject({ state: 'resolved', resolvedBy: { id: 'system' } });
    expect(timeline.at(-1)).toMatchObject({ kind: 'alert-resolved', actor: { name: 'system' }, channel: 'system' });
    expect((await egate07()).health).toBe('ok');
    expect(await alertmanager.ingestAlertmanager(resolved())).toMatchObject({ resolved: [], ignored: 1 });
  });

  it('on an acknowledged incident a resolved alert only adds a note, once', async () => {
    const { created } = await alertmanager.ingestAlertmanager(firing());
    expect(created).toHaveLength(1);
    expect(created[0]).not.toBe(first);
    await officer.ack(created[0]!);
    expect(await alertmanager.ingestAlertmanager(resolved())).toMatchObject({ updated: created, resolved: [] });
    expect(await alertmanager.ingestAlertmanager(resolved())).toMatchObject({ updated: [], ignored: 1 });
    const { incident, timeline } = await viewer.getIncident(created[0]!);
    expect(incident.state).toBe('acknowledged');
    expect(timeline.map((t) => t.kind)).toEqual(['triggered', 'acknowledged', 'alert-resolved']);
    await officer.resolve(created[0]!, 'gate replaced');
  });

  it('a firing repeat with higher severity raises the incident and notes it', async () => {
    const base = firing();
    base.alerts[0]!.fingerprint = 'raise-me';
    base.alerts[0]!.labels.severity = 'warning';
    const { created } = await alertmanager.ingestAlertmanager(base);
    base.alerts[0]!.labels.severity = 'critical';
    expect(await alertmanager.ingestAlertmanager(base)).toMatchObject({ updated: created });
    const { incident, timeline } = await viewer.getIncident(created[0]!);
    expect(incident.severity).toBe('sev1');
    expect(timeline.at(-1)).toMatchObject({ kind: 'alert-updated', text: expect.stringContaining('sev3 to sev1') });
    expect((await viewer.getSite('RUH')).status.health).toBe('down');
    base.alerts[0]!.status = 'resolved';
    await alertmanager.ingestAlertmanager(base);
  });

  it('keeps alerts for unknown sites and assets instead of rejecting them', async () => {
    const base = firing();
    base.alerts[0]!.fingerprint = 'unknown-place';
    base.alerts[0]!.labels.site = 'ZZZ';
    const { created } = await alertmanager.ingestAlertmanager(base);
    const { incident } = await viewer.getIncident(created[0]!);
    expect(incident).toMatchObject({ siteId: null, assetId: null, labels: { site: 'ZZZ', asset: 'egate-07' } });
  });

  it('answers 400 to something that is not a webhook, and 403 to a viewer', async () => {
    await expect(alertmanager.ingestAlertmanager({ text: 'hello' })).rejects.toBeInstanceOf(UsageError);
    await expect(viewer.ingestAlertmanager(firing())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('every change is in the audit log and the chain holds', async () => {
    const entries = await hub.admin.listAudit({ limit: 10_000 });
    expect(entries.filter((e) => e.action === 'inventory.apply')).toHaveLength(1);
    expect(entries.some((e) => e.action === 'incident.create' && e.actor.name === 'alertmanager')).toBe(true);
    expect(await hub.admin.verifyAudit()).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe('telemetry', () => {
  const report = (siteId: string, waitMinutes: number): SiteTelemetry => ({
    siteId,
    at: '2026-11-29T02:00:00.000Z',
    arrivalsPerHour: 1200,
    queueLength: 300,
    waitMinutes,
    egatesInService: 1,
    countersOpen: 2,
  });

  it('rejects a batch naming an unknown site, storing nothing', async () => {
    const err = await alertmanager.ingestTelemetry([report('JED', 10), report('NOPE', 10)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toContain('NOPE');
    expect((await viewer.getSite('JED')).status.reportedAt).toBeNull();
  });

  it('keeps the latest report per site and feeds the status', async () => {
    expect(await alertmanager.ingestTelemetry([report('jed', 10)])).toEqual({ accepted: 1 });
    expect(await alertmanager.ingestTelemetry([report('JED', 50)])).toEqual({ accepted: 1 });
    const jed = (await viewer.getSite('JED')).status;
    expect(jed).toMatchObject({
      health: 'degraded',
      waitMinutes: 50,
      queueLength: 300,
      arrivalsPerHour: 1200,
      egates: { inService: 1, total: 1 },
      counters: { open: 2, total: 0 },
      reportedAt: '2026-11-29T02:00:00.000Z',
    });
  });

  it('rejects unknown fields in a report', async () => {
    const res = await rawRequest(`${hub.url}/v1/ingest/telemetry`, {
      method: 'POST',
      token: alertmanager.secret,
      body: JSON.stringify({ sites: [{ ...report('JED', 1), mood: 'calm' }] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('mood');
  });
});
