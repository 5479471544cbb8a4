// Silences and maintenance windows on a real hub with a clock the test moves:
// silenced alerts are recorded and open no incident, a silence ends by itself
// at its time, a window holds from its start to its end, every add, expire
// and cancel is in the hash-chained audit log, and roles are refused over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import { rawRequest, startFixtureHub, type FixtureHub } from '../hub-fixture.js';

let hub: FixtureHub;
let intake: CoreClient;
let officer: CoreClient;
let supervisor: CoreClient;
let viewer: CoreClient;
let shift = 0;
const MIN = 60_000;
const hubNow = () => new Date(Date.now() + shift);
let serial = 0;

/** One firing alert; the fingerprint is new unless given. */
const fire = (labels: Record<string, string>, fingerprint = `fp-${++serial}`, status: 'firing' | 'resolved' = 'firing') =>
  intake.ingestAlertmanager({ alerts: [{ status, labels: { alertname: 'Test', severity: 'critical', ...labels }, fingerprint }] });

beforeAll(async () => {
  hub = await startFixtureHub({ now: hubNow });
  intake = await hub.clientAs('intake');
  officer = await hub.clientAs('officer');
  supervisor = await hub.clientAs('supervisor');
  viewer = await hub.clientAs('viewer');
}, 30_000);
afterAll(async () => hub?.stop());

describe('silences', () => {
  it('take a matching alert: recorded against the silence, no incident opened, and an unmatched one still opens', async () => {
    const silence = await officer.addSilence({ siteId: 'ruh', for: '2h', reason: 'link works at RUH' });
    expect(silence).toMatchObject({ kind: 'silence', siteId: 'RUH', state: 'active', createdBy: { name: 'officer' } });
    const before = (await hub.admin.listIncidents({ limit: 1000 })).length;
    const quiet = await fire({ site: 'RUH', asset: 'egate-07' });
    expect(quiet).toMatchObject({ created: [], silenced: 1 });
    const loud = await fire({ site: 'JED' });
    expect(loud.created).toHaveLength(1);
    expect((await hub.admin.listIncidents({ limit: 1000 })).length).toBe(before + 1);
    const alerts = await viewer.silencedAlerts(silence.id);
    expect(alerts).toMatchObject([{ silenceId: silence.id, siteId: 'RUH', assetId: 'RUH/egate-07', status: 'firing', count: 1 }]);
    expect((await viewer.listSilences()).find((s) => s.id === silence.id)?.alertsSilenced).toBe(1);
    // Counted in /metrics beside what the other alerts did.
    expect((await rawRequest(`${hub.url}/metrics`)).text).toMatch(/^watchfloor_alerts_ingested_total\{outcome="silenced"\} 1$/m);
    await officer.expireSilence(silence.id);
  });

  it('take label matchers (equality and regex) and an asset', async () => {
    const byLabel = await officer.addSilence({ matchers: [{ label: 'alertname', op: '=~', value: 'Link(Down|Flap)' }], for: '30m', reason: 'carrier' });
    const byAsset = await officer.addSilence({ assetId: 'RUH/egate-08', for: '30m', reason: 'vendor swap' });
    expect((await fire({ alertname: 'LinkFlap', site: 'JED' })).silenced).toBe(1);
    expect((await fire({ alertname: 'LinkFlapping', site: 'JED' })).created).toHaveLength(1);
    expect((await fire({ site: 'RUH', asset: 'egate-08' })).silenced).toBe(1);
    expect((await fire({ site: 'RUH', asset: 'egate-07' })).created).toHaveLength(1);
    await officer.expireSilence(byLabel.id);
    await officer.expireSilence(byAsset.id);
  });

  it('end by themselves at their time: after it, the same alert opens an incident', async () => {
    const silence = await officer.addSilence({ siteId: 'LND-BATHA', for: '10m', reason: 'short' });
    expect((await fire({ site: 'LND-BATHA' }, 'batha-1')).silenced).toBe(1);
    shift += 11 * MIN;
    expect((await viewer.listSilences()).map((s) => s.id)).not.toContain(silence.id);
    expect((await viewer.listSilences({ all: true })).find((s) => s.id === silence.id)?.state).toBe('expired');
    expect((await fire({ site: 'LND-BATHA' }, 'batha-1')).created).toHaveLength(1);
  });

  it('are audited when added and expired, in the chain the verifier accepts; expiring twice is a conflict', async () => {
    const silence = await officer.addSilence({ siteId: 'JED', for: '1h', reason: 'audit me' });
    const expired = await officer.expireSilence(silence.id);
    expect(expired).toMatchObject({ state: 'expired', expiredBy: { name: 'officer' } });
    const audit = await hub.admin.listAudit({ limit: 10 });
    expect(audit.filter((e) => e.target === silence.id).map((e) => e.action).sort()).toEqual(['silence.add', 'silence.expire']);
    expect((await hub.admin.verifyAudit()).ok).toBe(true);
    await expect(officer.expireSilence(silence.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(officer.expireSilence('SIL-99999')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuse bad input with 400 and no change: no scope, a bad span, a bad regex, no reason, an unknown site', async () => {
    const count = (await viewer.listSilences({ all: true })).length;
    await expect(officer.addSilence({ for: '2h', reason: 'everything' })).rejects.toMatchObject({ code: 'usage' });
    await expect(officer.addSilence({ siteId: 'RUH', for: 'soon', reason: 'x' })).rejects.toMatchObject({ code: 'usage' });
    await expect(officer.addSilence({ matchers: [{ label: 'a', op: '=~', value: '(' }], for: '1h', reason: 'x' })).rejects.toMatchObject({ code: 'usage' });
    await expect(officer.addSilence({ siteId: 'RUH', for: '1h', reason: '  ' })).rejects.toMatchObject({ code: 'usage' });
    await expect(officer.addSilence({ siteId: 'NOWHERE', for: '1h', reason: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await viewer.listSilences({ all: true })).length).toBe(count);
  });

  it('are refused to a viewer, and maintenance windows to an officer, on every route that changes them', async () => {
    await expect(viewer.addSilence({ siteId: 'RUH', for: '1h', reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const silence = await officer.addSilence({ siteId: 'RUH', for: '1h', reason: 'x' });
    await expect(viewer.expireSilence(silence.id)).rejects.toMatchObject({ code: 'forbidden' });
    const from = hubNow().toISOString();
    const until = new Date(hubNow().getTime() + 60 * MIN).toISOString();
    await expect(officer.addMaintenance({ siteId: 'RUH', from, until, reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const window = await supervisor.addMaintenance({ siteId: 'RUH', from, until, reason: 'x' });
    await expect(officer.cancelMaintenance(window.id)).rejects.toMatchObject({ code: 'forbidden' });
    // The laxer silence route does not end a window.
    await expect(officer.expireSilence(window.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await viewer.listMaintenance()).find((w) => w.id === window.id)?.state).toBe('active');
    await supervisor.cancelMaintenance(window.id);
    await officer.expireSilence(silence.id);
  });
});

describe('maintenance windows', () => {
  it('silence their site from start to end only; a window in the past or ending before it starts is refused', async () => {
    const start = new Date(hubNow().getTime() + 30 * MIN);
    const end = new Date(start.getTime() + 60 * MIN);
    const window = await supervisor.addMaintenance({ siteId: 'JED', from: start.toISOString(), until: end.toISOString(), reason: 'cabling' });
    expect(window).toMatchObject({ kind: 'maintenance', state: 'pending', id: expect.stringMatching(/^MW-/) });
    expect((await fire({ site: 'JED' })).created, 'before the window').toHaveLength(1);
    shift += 31 * MIN;
    expect((await viewer.listMaintenance())[0]).toMatchObject({ id: window.id, state: 'active' });
    expect((await fire({ site: 'JED' })).silenced, 'inside the window').toBe(1);
    shift += 60 * MIN;
    expect((await fire({ site: 'JED' })).created, 'after the window').toHaveLength(1);
    const past = new Date(hubNow().getTime() - 10 * MIN).toISOString();
    await expect(supervisor.addMaintenance({ siteId: 'JED', from: past, until: past, reason: 'x' })).rejects.toMatchObject({ code: 'usage' });
    await expect(supervisor.addMaintenance({ siteId: 'JED', from: end.toISOString(), until: start.toISOString(), reason: 'x' })).rejects.toMatchObject({ code: 'usage' });
    await expect(supervisor.addMaintenance({ siteId: 'JED', from: new Date(hubNow().getTime() - 120 * MIN).toISOString(), until: past, reason: 'x' })).rejects.toMatchObject({ code: 'usage' });
    const audit = await hub.admin.listAudit({ limit: 50 });
    expect(audit.filter((e) => e.target === window.id).map((e) => e.action)).toEqual(['maintenance.add']);
  });
});
