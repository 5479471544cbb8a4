// Shift handovers against a real hub: issued by one officer and accepted by
// another, never by its issuer; both steps in the audit log with the record's
// hash; open items carried into the next handover until they close; and a
// handover that nothing edits — no route, and not the database itself.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import { canonicalJson } from '../../../src/hub/audit/canonical-json.js';
import { rawRequest, startFixtureHub, type FixtureHub } from '../hub-fixture.js';

let hub: FixtureHub;
let aisha: CoreClient & { secret: string };
let omar: CoreClient & { secret: string };
let viewer: CoreClient & { secret: string };

beforeAll(async () => {
  hub = await startFixtureHub();
  aisha = await hub.clientAs('officer', 'aisha');
  omar = await hub.clientAs('officer', 'omar');
  viewer = await hub.clientAs('viewer', 'guest');
}, 30_000);
afterAll(() => hub?.stop());

const auditOf = async (action: string, target: string) => (await hub.admin.listAudit({ limit: 500 })).filter((e) => e.action === action && e.target === target);

describe('issue and accept', () => {
  it('one officer issues, the issuer and a viewer cannot take it over, another officer does — once — and both steps are audited', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'handover: gate down', severity: 'sev2', siteId: 'RUH' });
    // RUH reports a queue its two counters cannot clear: the next shift is predicted to breach there.
    const intake = await hub.clientAs('intake');
    await intake.ingestTelemetry([{ siteId: 'RUH', at: new Date().toISOString(), arrivalsPerHour: 3000, queueLength: 400, waitMinutes: 45, egatesInService: 0, countersOpen: 2 }]);
    const issued = await aisha.issueHandover({ shift: '8h' });
    expect(issued).toMatchObject({ issuedBy: { name: 'aisha' }, acceptedAt: null, content: { previousId: null } });
    expect(issued.hash).toBe(createHash('sha256').update(canonicalJson(issued.content)).digest('hex'));
    expect(issued.content.incidents.opened.map((i) => i.id)).toContain(incident.id);
    expect(issued.content.openItems).toContainEqual(expect.objectContaining({ kind: 'incident', id: incident.id }));
    expect(issued.content.kpis).toMatchObject({ computed: ['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre', 'remote'], pending: [], current: { remote: { incidents: expect.any(Number) } } });
    // Every KPI over the shift itself, each figure beside the shift before it.
    const summary = issued.content.kpis.summary!;
    expect(summary.kpis.map((k) => k.kpi)).toEqual(['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre', 'remote']);
    expect(summary.until).toBe(issued.content.shift.until);
    expect(summary.since).toBe(issued.content.shift.from);
    expect(issued.content.predictedBreaches).toMatchObject({ available: true, note: null });
    const ruh = issued.content.predictedBreaches.breaches.find((b) => b.siteId === 'RUH');
    expect(ruh).toEqual({ siteId: 'RUH', at: expect.any(String), predictedWaitMinutes: expect.any(Number), targetWaitMinutes: 30 });
    // The 400 standing, carried through hours its two counters cannot clear: far over target.
    expect(ruh!.predictedWaitMinutes).toBeGreaterThan(30);

    await expect(aisha.acceptHandover(issued.id)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('another officer') });
    await expect(viewer.acceptHandover(issued.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(viewer.issueHandover()).rejects.toMatchObject({ code: 'forbidden' });
    expect(await hub.admin.getHandover(issued.id)).toEqual(issued);

    const accepted = await omar.acceptHandover();
    expect(accepted).toMatchObject({ id: issued.id, acceptedBy: { name: 'omar' }, acceptedChannel: 'api', hash: issued.hash, content: issued.content });
    await expect(hub.admin.acceptHandover(issued.id)).rejects.toMatchObject({ code: 'conflict' });

    expect(await auditOf('handover.issue', issued.id)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: 'aisha' }), detail: expect.objectContaining({ hash: issued.hash }) })]);
    expect(await auditOf('handover.accept', issued.id)).toEqual([expect.objectContaining({ actor: expect.objectContaining({ name: 'omar' }), detail: expect.objectContaining({ hash: issued.hash }) })]);
    expect((await hub.admin.verifyAudit()).ok).toBe(true);
  });

  it('only the latest handover is taken over, and a bad shift is a usage error', async () => {
    const older = await aisha.issueHandover();
    const newer = await aisha.issueHandover();
    await expect(omar.acceptHandover(older.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(newer.id) });
    await expect(aisha.issueHandover({ shift: '2m' })).rejects.toMatchObject({ code: 'usage' });
    await expect(aisha.issueHandover({ shift: '3d' })).rejects.toMatchObject({ code: 'usage' });
    await expect(aisha.issueHandover({ post: '<script>' })).rejects.toMatchObject({ code: 'usage' });
    await expect(omar.getHandover('HO-999999')).rejects.toMatchObject({ code: 'not_found' });
    expect((await viewer.listHandovers()).map((h) => h.id).slice(0, 2)).toEqual([newer.id, older.id]);
  });
});

describe('carrying open items', () => {
  it('an open incident is carried into each next handover until it is resolved', async () => {
    const { incident } = await hub.admin.createIncident({ title: 'handover: carried', severity: 'sev3', siteId: 'JED' });
    const first = await aisha.issueHandover();
    expect(first.content.openItems.map((i) => i.id)).toContain(incident.id);
    const second = await omar.issueHandover();
    expect(second.content.previousId).toBe(first.id);
    expect(second.content.carriedOver.map((i) => i.id)).toContain(incident.id);
    await hub.admin.ack(incident.id);
    await hub.admin.resolve(incident.id, 'fixed on shift two');
    const third = await aisha.issueHandover();
    expect(third.content.openItems.map((i) => i.id)).not.toContain(incident.id);
    expect(third.content.carriedOver.map((i) => i.id)).not.toContain(incident.id);
    expect(third.content.incidents.resolved.map((i) => i.id)).toContain(incident.id);
  });
});

describe('nothing edits a handover', () => {
  it('no route changes or deletes one, and the database refuses it too once accepted', async () => {
    const issued = await aisha.issueHandover();
    await omar.acceptHandover(issued.id);
    const before = await hub.admin.getHandover(issued.id);
    const body = JSON.stringify({ content: { openItems: [] }, acceptedBy: { id: 'x', name: 'mallory' } });
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await rawRequest(`${hub.url}/v1/handovers/${issued.id}`, { method, token: hub.adminToken!, body });
      expect(res.status, `${method} ${res.text}`).toBe(404);
    }
    const db = new Database(join(hub.dir, 'hub.sqlite'));
    try {
      expect(() => db.prepare("UPDATE handovers SET accepted_by = '{}' WHERE id = ?").run(issued.id)).toThrow(/immutable once accepted/);
      expect(() => db.prepare("UPDATE handovers SET content = '{}' WHERE id = ?").run(issued.id)).toThrow(/immutable/);
      expect(() => db.prepare('DELETE FROM handovers WHERE id = ?').run(issued.id)).toThrow(/kept/);
    } finally {
      db.close();
    }
    expect(await hub.admin.getHandover(issued.id)).toEqual(before);
  });
});
