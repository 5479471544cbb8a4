import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../src/core/errors.js';
import type { Incident, TokenRole } from '../../src/core/model.js';
import type { Caller } from '../../src/hub/caller.js';
import { decideAck, decideAssign, decideEscalate, decideResolve, mayResolve, resolutionRefusal, type Resolution } from '../../src/hub/incidents/decisions.js';
import { draftIncident } from '../../src/hub/incidents/draft.js';
import { assertTransition, canTransition, raisedSeverity } from '../../src/hub/incidents/state-machine.js';

describe('incident state machine', () => {
  it.each([
    ['triggered', 'acknowledged', true],
    ['triggered', 'resolved', true],
    ['triggered', 'dispatched', true],
    ['acknowledged', 'resolved', true],
    ['acknowledged', 'dispatched', true],
    ['dispatched', 'resolved', true],
    ['acknowledged', 'triggered', false],
    ['dispatched', 'acknowledged', false],
    ['resolved', 'triggered', false],
    ['resolved', 'acknowledged', false],
    ['resolved', 'resolved', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('refuses a forbidden transition with a conflict naming the incident', () => {
    expect(() => assertTransition('INC-000007', 'resolved', 'acknowledged')).toThrow(ConflictError);
    expect(() => assertTransition('INC-000007', 'resolved', 'acknowledged')).toThrow(/INC-000007 is resolved/);
  });

  it('raises severity one step and stops at sev1', () => {
    expect(raisedSeverity('sev4')).toBe('sev3');
    expect(raisedSeverity('sev2')).toBe('sev1');
    expect(raisedSeverity('sev1')).toBe('sev1');
  });
});

const caller = (id: string, role: Caller['actor']['role'] = 'officer'): Caller => ({
  actor: { id, name: `name-${id}`, role },
  channel: 'cli',
});
const incident = (over: Partial<Incident> = {}): Incident => ({
  ...draftIncident({ title: 't', severity: 'sev3', siteId: null, assetId: null, source: 'manual', fingerprint: null, labels: {}, at: '2026-01-01T00:00:00.000Z' }),
  id: 'INC-000001',
  version: 1,
  ...over,
});

describe('officer decisions', () => {
  it('ack by a second officer is a conflict naming who acked and when', () => {
    const acked = incident({ state: 'acknowledged', acknowledgedBy: { id: 'a', name: 'Aisha' }, acknowledgedAt: '2026-01-01T00:01:00.000Z' });
    try {
      decideAck(acked, caller('b'), 'now');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).message).toContain('Aisha');
      expect((e as ConflictError).message).toContain('2026-01-01T00:01:00.000Z');
      expect((e as ConflictError).details.acknowledgedBy).toEqual({ id: 'a', name: 'Aisha' });
    }
  });

  it('ack by the same officer again changes nothing', () => {
    const acked = incident({ state: 'acknowledged', acknowledgedBy: { id: 'a', name: 'name-a' }, acknowledgedAt: 'x' });
    expect(decideAck(acked, caller('a'), 'now')).toEqual({ changed: false });
  });

  it('ack of a resolved incident is a conflict', () => {
    expect(() => decideAck(incident({ state: 'resolved' }), caller('a'), 'now')).toThrow(ConflictError);
  });

  it('escalation counts even at sev1', () => {
    const d = decideEscalate(incident({ severity: 'sev1', escalations: 2 }), 'minister asking');
    expect(d.changed && d.incident).toMatchObject({ severity: 'sev1', escalations: 3 });
    expect(d.changed && d.timeline.text).toContain('minister asking');
  });

  it('an officer resolves only what they acked or were handed; a supervisor resolves anything', () => {
    const acked = incident({ state: 'acknowledged', acknowledgedBy: { id: 'a', name: 'name-a' } });
    const handed = decideAssign(acked, caller('a'), { name: 'name-c', id: 'c' });
    const open = handed.changed ? handed.incident : acked;
    expect(open).toMatchObject({ assignee: 'name-c', assigneeId: 'c', assignedBy: { id: 'a' }, assignerAuthority: 'acknowledger' });
    expect(mayResolve(open, caller('a'))).toBe(true);
    expect(mayResolve(open, caller('c'))).toBe(true);
    expect(mayResolve(open, caller('b'))).toBe(false);
    expect(mayResolve(open, caller('s', 'supervisor'))).toBe(true);
    expect(() => decideResolve(open, caller('b'), { way: 'officer', summary: 'done' }, 'now')).toThrow(ForbiddenError);
    const d = decideResolve(open, caller('a'), { way: 'officer', summary: 'rebooted the gate' }, 'now');
    expect(d.changed && d.incident).toMatchObject({ state: 'resolved', summary: 'rebooted the gate', resolvedBy: { id: 'a' } });
  });
});

describe('assignments hand resolving over only from someone who holds it', () => {
  const triggered = incident();

  it('an officer who holds nothing assigns, and nobody gains anything: not even themselves', () => {
    const d = decideAssign(triggered, caller('b'), { name: 'name-b', id: 'b' });
    expect(d.changed && d.incident).toMatchObject({ assignee: 'name-b', assigneeId: 'b', assignerAuthority: null });
    expect(d.changed && d.timeline.text).toBe('assigned to name-b');
    expect(mayResolve(d.changed ? d.incident : triggered, caller('b'))).toBe(false);
  });

  it('a supervisor hands over; the assignee hands on, and loses it; a name without an id gets nothing', () => {
    const bySupervisor = decideAssign(triggered, caller('s', 'supervisor'), { name: 'name-c', id: 'c' });
    const toC = bySupervisor.changed ? bySupervisor.incident : triggered;
    expect(bySupervisor.changed && bySupervisor.timeline.text).toBe('assigned to name-c, who may now resolve it');
    expect(mayResolve(toC, caller('c'))).toBe(true);
    const byC = decideAssign(toC, caller('c'), { name: 'name-d', id: 'd' });
    const toD = byC.changed ? byC.incident : toC;
    expect(toD).toMatchObject({ assignerAuthority: 'assignee', assignedBy: { id: 'c' } });
    expect([mayResolve(toD, caller('c')), mayResolve(toD, caller('d'))]).toEqual([false, true]);
    const unnamed = decideAssign(triggered, caller('s', 'supervisor'), { name: 'name-e', id: null });
    expect(mayResolve(unnamed.changed ? unnamed.incident : triggered, caller('e'))).toBe(false);
  });

  it('the same assignment with the same authority changes nothing; with authority it is a handover', () => {
    const byB = decideAssign(triggered, caller('b'), { name: 'name-c', id: 'c' });
    const assigned = byB.changed ? byB.incident : triggered;
    expect(decideAssign(assigned, caller('x'), { name: 'name-c', id: 'c' })).toEqual({ changed: false });
    expect(decideAssign(assigned, caller('s', 'supervisor'), { name: 'name-c', id: 'c' })).toMatchObject({ changed: true, incident: { assignerAuthority: 'supervisor' } });
  });
});

describe('one decision for every way an incident is resolved', () => {
  const caller = (id: string, role: TokenRole = 'officer'): Caller => ({ actor: { id, name: `name-${id}`, role }, channel: 'cli' });
  const open = (fields: Partial<Incident> = {}): Incident => ({ ...draftIncident({ title: 't', severity: 'sev3', siteId: null, assetId: null, source: 'manual', fingerprint: null, labels: {}, at: 'then' }), id: 'INC-000009', version: 1, ...fields });
  const taken = open({ state: 'acknowledged', acknowledgedBy: { id: 'a', name: 'name-a' } });

  it.each([
    [{ way: 'officer', summary: 'done' }, 'resolved by name-a: done', 'incident.resolve'],
    [{ way: 'remote', summary: 'fixed remotely' }, 'resolved remotely: fixed remotely', 'incident.resolve'],
    [{ way: 'repaired', dispatchId: 'DSP-000001', note: 'new PSU' }, 'resolved by name-a: repaired on site (DSP-000001): new PSU', 'dispatch.close'],
  ] as [Resolution, string, string][])('%o: the role rule, then what the records say', (resolution, text, action) => {
    expect(resolutionRefusal(taken, caller('b'), resolution)).toBeInstanceOf(ForbiddenError);
    expect(resolutionRefusal(taken, caller('s', 'supervisor'), resolution)).toBeUndefined();
    const d = decideResolve(taken, caller('a'), resolution, 'now');
    expect(d.incident).toMatchObject({ state: 'resolved', resolvedBy: { id: 'a' }, resolvedAt: 'now' });
    expect(d.timeline).toEqual({ kind: 'resolved', text });
    expect(d.audit.action).toBe(action);
  });

  it('an alert clearing resolves, as the system, only what nobody acknowledged, and only from an intake token', () => {
    const cleared: Resolution = { way: 'alert-cleared', fingerprint: 'fp' };
    expect(() => decideResolve(taken, caller('alertmanager', 'intake'), cleared, 'now')).toThrow(ConflictError);
    for (const role of ['officer', 'supervisor', 'admin'] as const) {
      expect(() => decideResolve(open(), caller('b', role), cleared, 'now')).toThrow(ForbiddenError);
    }
    const d = decideResolve(open(), caller('alertmanager', 'intake'), cleared, 'now');
    expect(d.incident).toMatchObject({ state: 'resolved', resolvedBy: { id: 'system' }, summary: 'alert resolved at the source' });
    expect(d.timeline).toMatchObject({ kind: 'alert-resolved', as: { actor: { id: 'system' } } });
    expect(d.audit).toEqual({ action: 'incident.resolve', detail: { fingerprint: 'fp', automatic: true } });
  });

  it('a resolved incident is resolved no other way', () => {
    expect(() => decideResolve(open({ state: 'resolved' }), caller('s', 'supervisor'), { way: 'remote', summary: 'x' }, 'now')).toThrow(ConflictError);
  });
});
