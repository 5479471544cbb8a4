// Authority to resolve passes only from someone who has it. An assignment
// hands resolving over when a supervisor, the officer who acknowledged the
// incident, or someone it was handed over to makes it — never when an officer
// without it names themselves (assignee names are free text). Both ways a
// person resolves by hand are held to it: a resolve and a work order's close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { DEAD_ASSET, startDiagHub, type DiagHub } from './diag-hub.js';

let hub: DiagHub;
let aisha: CoreClient;
let omar: CoreClient;
let fatimah: CoreClient;
let sara: CoreClient;

beforeAll(async () => {
  hub = await startDiagHub();
  aisha = await hub.as('officer', 'aisha');
  omar = await hub.as('officer', 'omar');
  fatimah = await hub.as('officer', 'fatimah');
  sara = await hub.as('supervisor', 'sara');
});
afterAll(() => hub.stop());

const openIncident = async (title: string, assetId = 'RUH/egate-02') =>
  (await hub.admin.createIncident({ title, severity: 'sev3', assetId })).incident.id;
const stateOf = async (id: string) => (await hub.admin.getIncident(id)).incident;

describe('self-assignment grants nothing', () => {
  it('an officer refused a resolve who assigns it to their own name is still refused', async () => {
    const id = await openIncident('self-assign then resolve');
    await expect(omar.resolve(id, 'fixed')).rejects.toMatchObject({ code: 'forbidden' });
    await omar.assign(id, 'omar');
    const before = await stateOf(id);
    const err = await omar.resolve(id, 'fixed').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'forbidden', message: expect.stringContaining('omar assigned it') });
    expect(await stateOf(id)).toEqual(before);
  });

  it('the same for closing a work order', async () => {
    const id = await openIncident('self-assign then close the order', DEAD_ASSET);
    const [verdict] = await hub.admin.diagnose({ target: id, fix: true });
    const dispatchId = verdict!.dispatchId!;
    await expect(omar.closeDispatch(dispatchId, 'replaced the PSU')).rejects.toMatchObject({ code: 'forbidden' });
    await omar.assign(id, 'omar');
    await expect(omar.closeDispatch(dispatchId, 'replaced the PSU')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await hub.admin.getDispatch(dispatchId)).state).toBe('open');
    expect((await stateOf(id)).state).not.toBe('resolved');
  });
});

describe('handovers', () => {
  it('a supervisor hands it over: the assignee resolves', async () => {
    const id = await openIncident('supervisor hands over');
    const { incident } = await sara.assign(id, 'omar');
    expect(incident).toMatchObject({ assignee: 'omar', assignedBy: { name: 'sara' }, assignerAuthority: 'supervisor', assigneeId: expect.stringMatching(/^tok_/) });
    expect((await omar.resolve(id, 'reseated the reader')).incident).toMatchObject({ state: 'resolved', resolvedBy: { name: 'omar' } });
  });

  it('the officer who acknowledged it hands it over, and may still resolve it', async () => {
    const id = await openIncident('acknowledger hands over');
    await aisha.ack(id);
    expect((await aisha.assign(id, 'omar')).incident).toMatchObject({ assignerAuthority: 'acknowledger' });
    await expect(fatimah.resolve(id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await omar.resolve(id, 'done')).incident.state).toBe('resolved');
  });

  it('whoever it was handed to passes it on; the one before no longer holds it', async () => {
    const id = await openIncident('handed on');
    await sara.assign(id, 'omar');
    expect((await omar.assign(id, 'fatimah')).incident).toMatchObject({ assignee: 'fatimah', assignerAuthority: 'assignee' });
    await expect(omar.resolve(id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await fatimah.resolve(id, 'done')).incident.state).toBe('resolved');
  });

  it('an assignment by an officer without authority records who works on it and hands nothing over', async () => {
    const id = await openIncident('assigned by a bystander');
    const { incident } = await omar.assign(id, 'fatimah');
    expect(incident).toMatchObject({ assignee: 'fatimah', assignedBy: { name: 'omar' }, assignerAuthority: null });
    await expect(fatimah.resolve(id, 'x')).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('omar assigned it') });
    // A supervisor making the same assignment hands it over.
    await sara.assign(id, 'fatimah');
    expect((await fatimah.resolve(id, 'done')).incident.state).toBe('resolved');
  });

  it('the assignee is matched by token, not by name: a later token of the same name gets nothing', async () => {
    const id = await openIncident('matched by token');
    await sara.assign(id, 'omar');
    const impostor = await hub.as('officer', 'omar');
    await expect(impostor.resolve(id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await stateOf(id)).state).toBe('triggered');
  });

  it('a name the hub cannot tie to one token hands nothing over', async () => {
    const id = await openIncident('free-text assignee');
    const { incident } = await sara.assign(id, 'Fatimah Alqahtani (night shift)');
    expect(incident).toMatchObject({ assignee: 'Fatimah Alqahtani (night shift)', assigneeId: null, assignerAuthority: 'supervisor' });
    await expect(fatimah.resolve(id, 'x')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
