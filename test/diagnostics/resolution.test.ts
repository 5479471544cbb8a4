// One resolution path: every way an incident becomes resolved — an officer's
// resolve, a remote fix diagnostics verified, a work order closed after an
// on-site repair, an alert cleared at its source — is decided by
// decideResolve, with the role rule held on every route a person takes (an
// officer resolves what they acknowledged or are assigned; a supervisor
// anything). Through the real hub API, against devices on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { clears } from './fake-fleet.js';
import { DEAD_ASSET, checksOf, startDiagHub, type DiagHub } from './diag-hub.js';

let hub: DiagHub;
let officerA: CoreClient;
let officerB: CoreClient;

beforeAll(async () => {
  hub = await startDiagHub();
  officerA = await hub.as('officer', 'officer-a');
  officerB = await hub.as('officer', 'officer-b');
});
afterAll(() => hub.stop());

const openIncident = async (assetId: string) => (await hub.admin.createIncident({ title: `${assetId} down`, severity: 'sev3', assetId })).incident;
const lastTimeline = async (id: string) => (await hub.admin.getIncident(id)).timeline.at(-1);
const lastAudit = async (action: string, target: string) =>
  (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.action === action && e.target === target).at(-1);

describe('one resolution path, with the role rule on every route', () => {
  it('by hand (POST /v1/incidents/:id/resolve): an officer resolves only what they took on', async () => {
    const incident = await openIncident('RUH/egate-02');
    await expect(officerB.resolve(incident.id, 'looks fine')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('neither acknowledged it nor is assigned') });
    await officerA.ack(incident.id);
    const { incident: resolved } = await officerA.resolve(incident.id, 'gate restarted');
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: { name: 'officer-a' }, summary: 'gate restarted' });
    expect(await lastTimeline(incident.id)).toMatchObject({ kind: 'resolved', text: 'resolved by officer-a: gate restarted' });
    expect(await lastAudit('incident.resolve', incident.id)).toMatchObject({ actor: { name: 'officer-a' }, detail: { summary: 'gate restarted' } });
  });

  it('by a verified remote fix (POST /v1/diagnostics/runs): the device is fixed for anyone who may fix, the incident resolved only for who may resolve it', async () => {
    const incident = await openIncident('RUH/egate-01');
    await officerA.ack(incident.id);

    const gate = hub.fleet.add('RUH/egate-01', checksOf('egate', { 'card-reader': 'fail' }), { 'clear-jam': clears('card-reader') });
    const [byOther] = await officerB.diagnose({ target: incident.id, fix: true, requestId: 'officer-b-1' });
    expect(byOther).toMatchObject({ verdict: 'fixed', incidentId: incident.id });
    expect(gate.performed.get('clear-jam')).toBe(1);
    expect((await hub.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'acknowledged', resolvedBy: null });
    expect(await lastTimeline(incident.id)).toMatchObject({
      kind: 'note',
      text: `fixed remotely by clear-jam; verified: health ok, nothing found; left open: resolving ${incident.id} needs the supervisor role: officer-b neither acknowledged it nor is assigned to it`,
    });

    // The jam is back; the officer who took the incident on runs the fix.
    hub.fleet.add('RUH/egate-01', checksOf('egate', { 'card-reader': 'fail' }), { 'clear-jam': clears('card-reader') });
    const [byOwner] = await officerA.diagnose({ target: incident.id, fix: true, requestId: 'officer-a-1' });
    expect(byOwner).toMatchObject({ verdict: 'fixed' });
    expect((await hub.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'resolved', resolvedBy: { name: 'officer-a' } });
    expect(await lastTimeline(incident.id)).toMatchObject({ kind: 'resolved', text: 'resolved remotely: fixed remotely by clear-jam; verified: health ok, nothing found' });
    expect(await lastAudit('incident.resolve', incident.id)).toMatchObject({ detail: { remote: true } });
  });

  it('by an on-site repair (POST /v1/dispatches/:id/close): the same rule, with its own words', async () => {
    const incident = await openIncident(DEAD_ASSET);
    const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
    const dispatchId = verdict!.dispatchId!;
    await expect(officerB.closeDispatch(dispatchId, 'replaced the PSU')).rejects.toMatchObject({
      code: 'forbidden',
      message: `closing ${dispatchId} needs the supervisor role, or ${incident.id} handed over to you: officer-b neither acknowledged it nor is assigned to it`,
    });
    expect((await hub.admin.getDispatch(dispatchId)).state).toBe('open');
    await hub.admin.assign(incident.id, 'officer-b');
    await officerB.closeDispatch(dispatchId, 'replaced the PSU');
    expect((await hub.admin.getIncident(incident.id)).incident).toMatchObject({
      state: 'resolved',
      resolvedBy: { name: 'officer-b' },
      summary: `repaired on site (${dispatchId}): replaced the PSU`,
    });
    expect(await lastTimeline(incident.id)).toMatchObject({ kind: 'resolved', text: `resolved by officer-b: repaired on site (${dispatchId}): replaced the PSU` });
    expect(await lastAudit('dispatch.close', incident.id)).toMatchObject({ detail: { dispatchId, note: 'replaced the PSU' } });
  });

  it('by its alert clearing (POST /v1/ingest/alertmanager): only before anyone acknowledged it', async () => {
    const alert = (fingerprint: string, status: 'firing' | 'resolved') => ({
      status,
      labels: { alertname: 'GateDown', site: 'RUH', asset: 'RUH/egate-02', severity: 'warning' },
      fingerprint,
    });
    const alertmanager = await hub.as('intake', 'alertmanager');
    const { created } = await alertmanager.ingestAlertmanager({ alerts: [alert('fp-untouched', 'firing'), alert('fp-taken', 'firing')] });
    const [untouched, taken] = created as [string, string];
    await officerA.ack(taken);
    const result = await alertmanager.ingestAlertmanager({ alerts: [alert('fp-untouched', 'resolved'), alert('fp-taken', 'resolved')] });
    expect(result).toMatchObject({ resolved: [untouched], updated: [taken] });
    expect((await hub.admin.getIncident(untouched)).incident).toMatchObject({ state: 'resolved', resolvedBy: { id: 'system' }, summary: 'alert resolved at the source' });
    expect(await lastTimeline(untouched)).toMatchObject({
      kind: 'alert-resolved',
      actor: { id: 'system' },
      text: 'alert resolved at the source before anyone acknowledged it; closed automatically',
    });
    expect(await lastAudit('incident.resolve', untouched)).toMatchObject({ actor: { name: 'alertmanager' }, detail: { fingerprint: 'fp-untouched', automatic: true } });
    expect((await hub.admin.getIncident(taken)).incident.state).toBe('acknowledged');
  });
});
