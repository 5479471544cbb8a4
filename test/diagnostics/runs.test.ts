// Diagnostic runs through the real hub API against real devices on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/core/errors.js';
import type { DiagEvent } from '../../src/core/model.js';
import { clears, noEffect } from './fake-fleet.js';
import { DEAD_ASSET, checksOf, startDiagHub, type DiagHub } from './diag-hub.js';

let hub: DiagHub;
beforeAll(async () => {
  hub = await startDiagHub();
});
afterAll(() => hub.stop());

const egateEffects = { 'restart-service': clears('service'), 'clear-jam': clears('card-reader'), recalibrate: clears('camera'), reboot: clears('service', 'camera', 'card-reader') };

beforeEach(() => {
  hub.fleet.add('RUH/egate-01', checksOf('egate', { 'card-reader': 'fail' }), egateEffects);
  hub.fleet.add('RUH/egate-02', checksOf('egate'), egateEffects);
  hub.fleet.add('RUH/reader-01', checksOf('passport-reader', { firmware: 'warn' }), { 'restart-service': noEffect, reboot: clears('firmware') });
  hub.fleet.add('RUH/server-a', checksOf('server'), { 'restart-service': noEffect });
  hub.fleet.add('RUH/link-primary', checksOf('network-link'), { 'failover-link': clears('carrier') });
  hub.fleet.add('JED/egate-01', checksOf('egate'), egateEffects);
});

const openIncident = async (assetId: string) => (await hub.admin.createIncident({ title: `${assetId} down`, severity: 'sev3', assetId })).incident;
const auditCount = async () => (await hub.admin.listAudit({ limit: 10_000 })).length;

describe('diagnostic runs', () => {
  it('fixes a jammed gate, verifies it, resolves the incident, and records every probe and action', async () => {
    const incident = await openIncident('RUH/egate-01');
    const events: DiagEvent[] = [];
    const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true }, (e) => events.push(e));
    expect(verdict).toMatchObject({ verdict: 'fixed', incidentId: incident.id, assetId: 'RUH/egate-01' });
    expect(events.map((e) => e.type)).toEqual(['probe', 'probe', 'finding', 'action', 'probe', 'probe', 'verify', 'verdict']);
    expect(verdict!.actions.map((a) => [a.action, a.status, a.verified])).toEqual([['clear-jam', 'done', true]]);
    expect(hub.fleet.device('RUH/egate-01').performed.get('clear-jam')).toBe(1);
    const detail = await hub.admin.getIncident(incident.id);
    expect(detail.incident.state).toBe('resolved');
    expect(detail.timeline.map((t) => t.kind)).toEqual(['triggered', 'probe', 'action', 'probe', 'resolved']);
    const audit = await hub.admin.listAudit({ limit: 10_000 });
    expect(audit.find((a) => a.action === 'diagnostics.action')).toMatchObject({ target: incident.id, detail: { action: 'clear-jam', status: 'done' } });
  });

  it('a healthy asset gets the verdict healthy and no action', async () => {
    const [verdict] = await hub.admin.diagnose({ target: 'RUH/egate-02' });
    expect(verdict).toMatchObject({ verdict: 'healthy', findings: [], actions: [] });
  });

  it('a site target diagnoses every asset there, one verdict each', async () => {
    const verdicts = await hub.admin.diagnose({ target: 'ruh' });
    expect(verdicts.map((v) => v.assetId).sort()).toEqual(['RUH/egate-01', 'RUH/egate-02', 'RUH/link-primary', 'RUH/reader-01', 'RUH/server-a']);
    expect(verdicts.find((v) => v.assetId === 'RUH/egate-01')!.verdict).toBe('planned');
  });

  it('an unknown target is a 404 with suggestions, before any streaming', async () => {
    const err = await hub.admin.diagnose({ target: 'RUH/egate-1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).details.suggestions).toContain('RUH/egate-01');
    const site = await hub.admin.diagnose({ target: 'RHU' }).catch((e: unknown) => e);
    expect(site).toBeInstanceOf(NotFoundError);
    expect((site as NotFoundError).details.suggestions).toContain('RUH');
    expect((site as NotFoundError).details.ambiguous).toBe(false); // near, not several equally: "did you mean"
  });

  describe('idempotency', () => {
    it('a retried request (same requestId) never acts twice on the device', async () => {
      // clear-jam does not help and nor does reboot: the run ends in a dispatch.
      hub.fleet.add('RUH/egate-02', checksOf('egate', { 'card-reader': 'fail' }), { 'clear-jam': noEffect, reboot: noEffect });
      const first = await hub.admin.diagnose({ target: 'RUH/egate-02', fix: true, requestId: 'retry-test-1' });
      const second = await hub.admin.diagnose({ target: 'RUH/egate-02', fix: true, requestId: 'retry-test-1' });
      const device = hub.fleet.device('RUH/egate-02');
      expect(device.performed.get('clear-jam')).toBe(1);
      expect(device.performed.get('reboot')).toBe(1);
      expect(first[0]!.actions.map((a) => a.replayed)).toEqual([false, false]);
      expect(second[0]!.actions.map((a) => a.replayed)).toEqual([true, true]);
      expect(first[0]!.verdict).toBe('dispatched');
      // One work order per incident: the retry finds the open one.
      expect(second[0]!.dispatchId).toBe(first[0]!.dispatchId);
    });

    it('an action whose answer was lost is retried with the same key and done once', async () => {
      const device = hub.fleet.add('JED/egate-01', checksOf('egate', { service: 'fail' }), egateEffects);
      device.dropAnswers = 1;
      const [verdict] = await hub.admin.diagnose({ target: 'JED/egate-01', fix: true });
      expect(verdict!.verdict).toBe('fixed');
      expect(device.performed.get('restart-service')).toBe(1);
      expect(verdict!.actions[0]).toMatchObject({ action: 'restart-service', replayed: true, verified: true });
    });
  });

  describe('RBAC on disruptive actions (firmware mismatch: only a reboot helps)', () => {
    it('a viewer may look but not fix: refused before anything is sent, the incident stays open', async () => {
      const incident = await openIncident('RUH/reader-01');
      const viewer = await hub.as('viewer', 'wall-screen');
      await expect(viewer.diagnose({ target: incident.id, fix: true })).rejects.toMatchObject({ code: 'forbidden', exitCode: 6 });
      expect(hub.fleet.device('RUH/reader-01').performed.size).toBe(0);
      expect((await hub.admin.getIncident(incident.id)).incident.state).toBe('triggered');
      // Looking is a viewer's right: the same run without --fix plans the reboot and touches nothing.
      const [looked] = await viewer.diagnose({ target: incident.id });
      expect(looked!.findings.length).toBeGreaterThan(0);
      expect(hub.fleet.device('RUH/reader-01').performed.size).toBe(0);
    });

    it.each(['officer', 'supervisor'] as const)('an %s may reboot, and the verified reboot resolves the incident', async (role) => {
      const incident = await openIncident('RUH/reader-01');
      const client = await hub.as(role, `${role}-${Date.now()}`);
      // The role rule of every resolution: an officer resolves what they took on, a supervisor anything.
      if (role === 'officer') await client.ack(incident.id);
      const [verdict] = await client.diagnose({ target: incident.id, fix: true });
      expect(verdict).toMatchObject({ verdict: 'fixed', actions: [{ action: 'reboot', status: 'done', verified: true }] });
      expect(hub.fleet.device('RUH/reader-01').performed.get('reboot')).toBe(1);
      expect((await hub.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'resolved', resolvedBy: { name: expect.stringContaining(role) } });
    });
  });

  it('dry run: probes only — no device action, no store write', async () => {
    const incident = await openIncident('RUH/egate-01');
    const before = { audit: await auditCount(), timeline: (await hub.admin.getIncident(incident.id)).timeline.length, dispatches: (await hub.admin.listDispatches()).length };
    const requestsBefore = hub.fleet.requests.length;
    const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true, dryRun: true });
    expect(verdict).toMatchObject({ verdict: 'planned', actions: [{ action: 'clear-jam', status: 'planned' }, { action: 'reboot', status: 'planned' }] });
    expect(hub.fleet.requests.slice(requestsBefore).every((r) => r.method === 'GET')).toBe(true);
    expect(hub.fleet.device('RUH/egate-01').performed.size).toBe(0);
    expect(await auditCount()).toBe(before.audit);
    expect((await hub.admin.getIncident(incident.id)).timeline.length).toBe(before.timeline);
    expect((await hub.admin.listDispatches()).length).toBe(before.dispatches);
  });

  describe('an unreachable device', () => {
    it('without fix: the finding "management endpoint unreachable" and the verdict unreachable', async () => {
      const [verdict] = await hub.admin.diagnose({ target: DEAD_ASSET });
      expect(verdict).toMatchObject({ verdict: 'unreachable', findings: [{ code: 'management-unreachable', text: 'management endpoint unreachable' }] });
    });

    it('with fix: dispatched with a work order, the incident dispatched (not resolved)', async () => {
      const incident = await openIncident(DEAD_ASSET);
      const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
      expect(verdict!.verdict).toBe('dispatched');
      const dispatch = await hub.admin.getDispatch(verdict!.dispatchId!);
      expect(dispatch).toMatchObject({ incidentId: incident.id, assetId: DEAD_ASSET, siteId: 'JED', state: 'open', priority: 'P3' });
      expect(dispatch.findings.map((f) => f.code)).toEqual(['management-unreachable']);
      const detail = await hub.admin.getIncident(incident.id);
      expect(detail.incident.state).toBe('dispatched');
      expect(detail.timeline.at(-1)).toMatchObject({ kind: 'dispatched' });
    });
  });

  describe('never resolved while the fault is present', () => {
    it('a hardware fault is dispatched with the parts likely needed, nothing tried', async () => {
      hub.fleet.add('RUH/egate-02', checksOf('egate', { door: 'fail' }), egateEffects);
      const incident = await openIncident('RUH/egate-02');
      const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
      expect(verdict).toMatchObject({ verdict: 'dispatched', actions: [] });
      expect((await hub.admin.getDispatch(verdict!.dispatchId!)).partsLikely).toContain('door motor');
      expect(hub.fleet.device('RUH/egate-02').performed.size).toBe(0);
      expect((await hub.admin.getIncident(incident.id)).incident.state).toBe('dispatched');
    });

    it('a device that answers "done" but stays faulty is not resolved: every remediation fails verification, then dispatch', async () => {
      hub.fleet.add('RUH/server-a', checksOf('server', { service: 'fail' }), { 'restart-service': noEffect, reboot: noEffect });
      const incident = await openIncident('RUH/server-a');
      const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
      expect(verdict!.verdict).toBe('dispatched');
      expect(verdict!.actions.map((a) => [a.action, a.status, a.verified])).toEqual([
        ['restart-service', 'done', false],
        ['reboot', 'done', false],
      ]);
      const dispatch = await hub.admin.getDispatch(verdict!.dispatchId!);
      expect(dispatch.actionsTried.map((a) => a.action)).toEqual(['restart-service', 'reboot']);
      expect((await hub.admin.getIncident(incident.id)).incident.state).toBe('dispatched');
    });
  });

  it('closing a dispatch needs a supervisor (or the assignee) and resolves the incident', async () => {
    const incident = await openIncident(DEAD_ASSET);
    const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
    const officer = await hub.as('officer', 'officer-close');
    await expect(officer.closeDispatch(verdict!.dispatchId!, 'replaced')).rejects.toMatchObject({ code: 'forbidden' });
    const supervisor = await hub.as('supervisor', 'sup-close');
    const closed = await supervisor.closeDispatch(verdict!.dispatchId!, 'replaced the camera power supply');
    expect(closed).toMatchObject({ state: 'closed', closedBy: { name: 'sup-close' }, note: 'replaced the camera power supply' });
    expect((await hub.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'resolved' });
    await expect(supervisor.closeDispatch(verdict!.dispatchId!, 'again')).rejects.toMatchObject({ code: 'conflict' });
    expect((await hub.admin.listDispatches({ state: 'closed' })).map((d) => d.id)).toContain(closed.id);
  });

  it('a network link with a standby fails over (officer) and the KPI counts remote fixes and dispatches', async () => {
    hub.fleet.add('RUH/link-primary', checksOf('network-link', { carrier: 'fail' }), { 'failover-link': clears('carrier') });
    const incident = await openIncident('RUH/link-primary');
    const [verdict] = await hub.admin.diagnose({ target: incident.id, fix: true });
    expect(verdict).toMatchObject({ verdict: 'fixed', actions: [{ action: 'failover-link', disruptive: true }] });
    const kpi = await hub.admin.remoteKpi({ since: '1h' });
    expect(kpi.fixedRemotely).toBeGreaterThanOrEqual(3);
    expect(kpi.dispatched).toBeGreaterThanOrEqual(3);
    expect(kpi.remoteResolutionRate).toBeCloseTo((kpi.fixedRemotely + kpi.mitigatedRemotely) / (kpi.fixedRemotely + kpi.mitigatedRemotely + kpi.dispatched));
    expect(kpi.medianSecondsToFix).not.toBeNull();
  });

  it('a sweep streams one result per asset, then a summary', async () => {
    const results: string[] = [];
    const summary = await hub.admin.sweep({ site: 'RUH', concurrency: 4 }, (r) => results.push(`${r.assetId}:${r.verdict}`));
    expect(results).toHaveLength(5);
    expect(summary).toMatchObject({ type: 'summary', assets: 5, planned: 2, healthy: 3 });
    expect(summary.wallMs).toBeGreaterThanOrEqual(0);
  });
});
