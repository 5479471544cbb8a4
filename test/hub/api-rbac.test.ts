// Roles over real HTTP: who may read, act, escalate and manage tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UsageError } from '../../src/core/errors.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let viewer: CoreClient;
let officer: CoreClient;
let otherOfficer: CoreClient;
let supervisor: CoreClient;

beforeAll(async () => {
  hub = await startFixtureHub();
  viewer = await hub.clientAs('viewer', 'wall-screen');
  officer = await hub.clientAs('officer', 'aisha', { channel: 'slack', onBehalfOf: 'slack:U042', bot: true });
  otherOfficer = await hub.clientAs('officer', 'omar');
  supervisor = await hub.clientAs('supervisor', 'sara');
});

afterAll(async () => {
  await hub?.stop();
});

describe('reading', () => {
  it('a viewer reads status, sites, assets and incidents', async () => {
    const status = await viewer.fleetStatus();
    expect(status.sites.map((s) => s.id)).toEqual(['JED', 'LND-BATHA', 'RUH']);
    expect(await viewer.whoami()).toMatchObject({ name: 'wall-screen', role: 'viewer' });
    expect((await viewer.listSites({ kind: 'land' })).map((s) => s.id)).toEqual(['LND-BATHA']);
    expect((await viewer.listAssets({ site: 'ruh', kind: 'egate' })).map((a) => a.id)).toEqual(['RUH/egate-07', 'RUH/egate-08']);
    expect(await viewer.listIncidents({ state: 'open' })).toEqual([]);
  });

  it('a site is found case-insensitively and a missing one is 404', async () => {
    const detail = await viewer.getSite('ruh');
    expect(detail.site.id).toBe('RUH');
    expect(detail.status.egates.total).toBe(2);
    expect(detail.assets).toHaveLength(3);
    await expect(viewer.getSite('XXX')).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewer.getIncident('INC-999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('no token, an unknown token and a claimed system channel are refused', async () => {
    const none = await rawRequest(`${hub.url}/v1/status`);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'unauthenticated', hint: expect.stringContaining('token') });
    const unknown = await rawRequest(`${hub.url}/v1/status`, { token: 'wf_nope' });
    expect(unknown.status).toBe(401);
    const system = await rawRequest(`${hub.url}/v1/whoami`, { token: hub.adminToken!, headers: { 'x-watchfloor-channel': 'system' } });
    expect(system.status).toBe(400);
    expect(system.body.error.code).toBe('usage');
  });

  it('healthz needs no token', async () => {
    const health = await rawRequest(`${hub.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
  });
});

describe('acting', () => {
  it('a viewer cannot ack: 403 naming the officer role, and nothing changes', async () => {
    const { incident } = await officer.createIncident({ title: 'CCTV offline', severity: 'sev3', siteId: 'jed' });
    expect(incident).toMatchObject({ siteId: 'JED', state: 'triggered', source: 'manual', id: expect.stringMatching(/^INC-\d{6}$/) });
    const err = await viewer.ack(incident.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).message).toContain('officer');
    expect((await viewer.getIncident(incident.id)).incident.state).toBe('triggered');
  });

  it('an officer cannot escalate; a supervisor raises severity one step', async () => {
    const { incident } = await officer.createIncident({ title: 'Queue building', severity: 'sev3' });
    const err = await officer.escalate(incident.id, 'busy').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as ForbiddenError).message).toContain('supervisor');
    const { incident: escalated, changed } = await supervisor.escalate(incident.id, 'two flights landed');
    expect(changed).toBe(true);
    expect(escalated).toMatchObject({ severity: 'sev2', escalations: 1 });
  });

  it('an officer resolves only what they acked or were assigned', async () => {
    const { incident } = await officer.createIncident({ title: 'Reader jams', severity: 'sev4', assetId: 'ruh/counter-01' });
    expect(incident).toMatchObject({ siteId: 'RUH', assetId: 'RUH/counter-01' });
    await officer.ack(incident.id);
    await expect(otherOfficer.resolve(incident.id, 'fixed')).rejects.toBeInstanceOf(ForbiddenError);
    await officer.assign(incident.id, 'omar');
    const { incident: resolved } = await otherOfficer.resolve(incident.id, 'cleaned the reader');
    expect(resolved).toMatchObject({ state: 'resolved', summary: 'cleaned the reader', resolvedBy: { name: 'omar' } });
    await expect(officer.ack(incident.id)).rejects.toBeInstanceOf(ConflictError);
    const { timeline } = await viewer.getIncident(incident.id);
    expect(timeline.map((t) => t.kind)).toEqual(['triggered', 'acknowledged', 'assigned', 'resolved']);
    // aisha's token acts for the chat user slack:U042: the timeline names the person.
    expect(timeline[1]).toMatchObject({ channel: 'slack', actor: { name: 'slack:U042' } });
  });

  it('a note and the on-behalf-of header land in the audit log', async () => {
    const { incident } = await officer.createIncident({ title: 'Link flapping', severity: 'sev3' });
    await officer.note(incident.id, 'ISP ticket 4711 opened');
    const entries = await supervisor.listAudit({ limit: 1000 });
    const note = entries.find((e) => e.action === 'incident.note' && e.target === incident.id)!;
    expect(note).toMatchObject({
      channel: 'slack',
      actor: { name: 'slack:U042' },
      detail: { text: 'ISP ticket 4711 opened', onBehalfOf: 'slack:U042', via: 'aisha' },
    });
  });

  it('rejects an incident at an unknown site, or an asset at another site', async () => {
    await expect(officer.createIncident({ title: 'x', severity: 'sev4', siteId: 'NOPE' })).rejects.toBeInstanceOf(UsageError);
    await expect(officer.createIncident({ title: 'x', severity: 'sev4', siteId: 'JED', assetId: 'RUH/egate-07' })).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});

describe('tokens', () => {
  it('only an admin manages tokens', async () => {
    await expect(supervisor.listTokens()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(officer.createToken({ name: 'x', role: 'admin' })).rejects.toBeInstanceOf(ForbiddenError);
    const names = (await hub.admin.listTokens()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['bootstrap-admin', 'demo-simulator', 'wall-screen', 'aisha']));
  });

  it('a new token is wf_ + base64url; a revoked one gets 401', async () => {
    const temp = await hub.clientAs('officer', 'temp');
    expect(temp.secret).toMatch(/^wf_[A-Za-z0-9_-]{43}$/);
    expect((await temp.whoami()).name).toBe('temp');
    const id = (await hub.admin.listTokens()).find((t) => t.name === 'temp')!.id;
    const revoked = await hub.admin.revokeToken(id);
    expect(revoked.revokedAt).not.toBeNull();
    const err = await temp.whoami().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect((err as UnauthenticatedError).message).toContain('revoked');
    expect((await hub.admin.listTokens()).find((t) => t.id === id)!.lastUsedAt).not.toBeNull();
  });

  it('the store never holds a secret', async () => {
    const audit = JSON.stringify(await hub.admin.listAudit({ limit: 10_000 }));
    const tokens = JSON.stringify(await hub.admin.listTokens());
    expect(audit).not.toContain(hub.adminToken!);
    expect(tokens).not.toContain('wf_');
  });

  it('audit reading needs a supervisor', async () => {
    await expect(officer.listAudit()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(officer.verifyAudit()).rejects.toBeInstanceOf(ForbiddenError);
    expect((await supervisor.verifyAudit()).ok).toBe(true);
  });
});
