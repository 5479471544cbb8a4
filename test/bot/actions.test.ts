// Every button goes through dispatchAction, which runs the command it stands
// for: the hub's RBAC decides, and a refused press changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionCommand, dispatchAction } from '../../src/bot/actions.js';
import { startChatHub, triggeredIncident, type ChatHub } from './chat-fixture.js';

let chat: ChatHub;

beforeAll(async () => {
  chat = await startChatHub();
}, 30_000);

afterAll(async () => {
  await chat?.stop();
});

describe('dispatchAction', () => {
  it('a viewer-mapped user pressing Acknowledge is refused by the hub, and the incident is unchanged', async () => {
    const id = await triggeredIncident(chat.admin, 'actions: viewer presses ack');
    const before = await chat.admin.getIncident(id);
    const reply = await dispatchAction({ id: 'ack', value: id }, chat.session('viewer', { userId: 'U0GUEST' }));
    expect(reply).toMatchObject({ kind: 'error', exitCode: 6 });
    expect(reply.kind === 'error' && reply.message).toContain('slack:U0GUEST');
    const after = await chat.admin.getIncident(id);
    expect(after.incident).toEqual(before.incident);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it('an officer’s Acknowledge acks, and the audit log has the chat user on channel slack', async () => {
    const id = await triggeredIncident(chat.admin, 'actions: officer presses ack');
    const reply = await dispatchAction({ id: 'ack', value: id }, chat.session('officer', { userId: 'U0FATIMAH', name: 'Fatimah' }));
    expect(reply).toMatchObject({ kind: 'done', incident: { id, state: 'acknowledged' } });
    const entry = (await chat.admin.listAudit({ limit: 500 })).find((e) => e.action === 'incident.ack' && e.target === id);
    expect(entry).toMatchObject({ channel: 'slack', detail: { onBehalfOf: 'slack:U0FATIMAH (Fatimah)' } });
  });

  it('Escalate is the hub’s to allow: refused for an officer, done for a supervisor', async () => {
    const id = await triggeredIncident(chat.admin, 'actions: escalated');
    expect(await dispatchAction({ id: 'escalate', value: id }, chat.session('officer'))).toMatchObject({ kind: 'error', exitCode: 6 });
    const reply = await dispatchAction({ id: 'escalate', value: id }, chat.session('supervisor'));
    expect(reply, JSON.stringify(reply)).toMatchObject({ kind: 'done', incident: { id, severity: 'sev1', escalations: 1 } });
  });

  it('Resolve without a summary asks for one and touches nothing; with one it resolves', async () => {
    const id = await triggeredIncident(chat.admin, 'actions: resolved');
    const asked = await dispatchAction({ id: 'resolve', value: id }, chat.session('supervisor'));
    expect(asked).toMatchObject({ kind: 'error', exitCode: 2 });
    expect(asked.kind === 'error' && asked.message).toContain('summary');
    expect((await chat.admin.getIncident(id)).incident.state).toBe('triggered');
    const done = await dispatchAction({ id: 'resolve', value: id, summary: 'rebooted the "gate" controller' }, chat.session('supervisor'));
    expect(done).toMatchObject({ kind: 'done', incident: { id, state: 'resolved', summary: 'rebooted the ″gate″ controller' } });
  });

  it('Run diagnostics diagnoses the incident’s asset', async () => {
    const asset = (await chat.admin.listAssets({ site: 'RUH', kind: 'egate' }))[0]!;
    const { incident } = await chat.admin.createIncident({ title: 'actions: diagnose me', severity: 'sev3', siteId: 'RUH', assetId: asset.id });
    const reply = await dispatchAction({ id: 'diag', value: incident.id }, chat.session('viewer'));
    expect(reply.kind, JSON.stringify(reply).slice(0, 300)).toBe('diagnostics');
    if (reply.kind === 'diagnostics') expect(reply.verdicts.map((v) => v.assetId)).toEqual([asset.id]);
  }, 30_000);

  it('run answers the command text, as if typed', async () => {
    const reply = await dispatchAction({ id: 'run', value: 'status RUH' }, chat.session('viewer'));
    expect(reply.kind === 'site' && reply.site.site.id).toBe('RUH');
  });

  it('an incident button never carries more grammar than an id', async () => {
    const reply = await dispatchAction({ id: 'ack', value: 'INC-1 --hub http://evil' }, chat.session('admin'));
    expect(reply).toMatchObject({ kind: 'error', exitCode: 2 });
    expect(actionCommand({ id: 'resolve', value: 'INC-000001', summary: 'a "b" c' })).toBe('incidents resolve INC-000001 --summary "a ″b″ c"');
  });
});
