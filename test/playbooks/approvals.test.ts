// Approvals over the API, the rule held in the hub for every caller: the
// roles the step names; a two-person step needs two distinct people, never
// the requester; one person counts once; a chat user a bot acts for counts as
// that user, not as the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from './playbook-hub.js';

let hub: PlaybookHub;
let omar: CoreClient;
let sara: CoreClient;
let layla: CoreClient;
let nasser: CoreClient;

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('isolate', [
      { id: 'agree', type: 'approval', roles: ['supervisor'], 'two-person': true },
      { id: 'isolate', type: 'set-mode', site: 'JED', mode: 'network-isolated' },
    ]),
    playbook('one-ok', [{ id: 'agree', type: 'approval', roles: ['supervisor'] }]),
  ]);
  omar = await hub.as('officer', 'omar');
  sara = await hub.as('supervisor', 'sara');
  layla = await hub.as('supervisor', 'layla');
  nasser = await hub.as('admin', 'nasser');
}, 30_000);

afterAll(async () => hub?.stop());

const waitingApproval = (client: CoreClient, id: string) => runWhen(client, id, 'the run to wait for approval', status('waiting', 'approval'));

describe('a two-person approval', () => {
  it('refuses the requester, refuses the same person twice, and goes on with two others', async () => {
    const { run } = await sara.startRun({ playbook: 'isolate' });
    const waiting = await waitingApproval(sara, run.id);
    expect(waiting.run.reason).toBe('waiting for approval of agree by two people other than the requester with the supervisor role (0 of 2)');

    await expect(sara.approveStep(run.id)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('other than its requester; sara started this run') });
    await expect(omar.approveStep(run.id)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('needs the supervisor role; omar is officer') });

    expect((await layla.approveStep(run.id, { step: 'agree' })).changed).toBe(true);
    await expect(layla.approveStep(run.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('layla already approved step agree') });
    const half = await runWhen(sara, run.id, 'the count to reach one', (d) => d.run.reason?.endsWith('(1 of 2)') === true);
    expect(half.run.status).toBe('waiting');

    // An admin holds every role below: the second person.
    await nasser.approveStep(run.id);
    const done = await runWhen(sara, run.id, 'the run to succeed', status('succeeded'));
    expect(done.steps[0]!.attempts[0]!.output).toEqual({ approvedBy: [expect.objectContaining({ name: 'layla' }), expect.objectContaining({ name: 'nasser' })] });
    expect(done.steps[0]!.attempts[0]!.actor.name).toBe('nasser');
    expect(done.approvals.map((a) => [a.actor.name, a.decision, a.channel])).toEqual([
      ['layla', 'approved', 'api'],
      ['nasser', 'approved', 'api'],
    ]);
    const audit = (await hub.admin.listAudit({ limit: 10_000 })).filter((e) => e.target === run.id && e.action === 'playbook.run.approve');
    expect(audit.map((e) => e.actor.name)).toEqual(['layla', 'nasser']);
  });

  it('counts chat users a bot acts for as themselves: the requester refused through the bot, two others enough', async () => {
    const { secret } = await hub.admin.createToken({ name: 'slack-bot', role: 'supervisor', bot: true });
    const asChat = async (user: string) => {
      const { CoreClient } = await import('../../src/core/client.js');
      return new CoreClient({ hubUrl: hub.url, token: secret, channel: 'slack', onBehalfOf: user, actAs: 'supervisor' });
    };
    const aisha = await asChat('slack:U0AISHA (Aisha)');
    const fahad = await asChat('slack:U0FAHAD (Fahad)');
    const { run } = await aisha.startRun({ playbook: 'isolate' });
    expect(run.startedBy.name).toBe('Aisha (slack:U0AISHA)');
    expect(run.channel).toBe('slack');
    await waitingApproval(aisha, run.id);
    await expect(aisha.approveStep(run.id)).rejects.toMatchObject({ code: 'forbidden' });
    await fahad.approveStep(run.id);
    // Fahad again, through the same bot, is still one person; someone on another channel makes two.
    await expect(fahad.approveStep(run.id)).rejects.toMatchObject({ code: 'conflict' });
    await sara.approveStep(run.id);
    await runWhen(sara, run.id, 'the run to succeed', status('succeeded'));
    await Promise.all([aisha.close(), fahad.close()]);
  });

  it('counts a chat user mapped to the name of a person\'s own token as that person: their token, then the bot, refused', async () => {
    const { secret } = await hub.admin.createToken({ name: 'slack-bot-2', role: 'supervisor', bot: true });
    const { CoreClient } = await import('../../src/core/client.js');
    const chat = (user: string) => new CoreClient({ hubUrl: hub.url, token: secret, channel: 'slack', onBehalfOf: user, actAs: 'supervisor' });
    const laylaInSlack = chat('slack:U0LAYLA (Layla)');
    const saraInSlack = chat('slack:U0SARA (sara)');
    const { run } = await omar.startRun({ playbook: 'isolate' });
    await waitingApproval(omar, run.id);
    await layla.approveStep(run.id);
    // The same person through the bot: one person counts once, whichever channel they use.
    await expect(laylaInSlack.approveStep(run.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already approved step agree') });
    expect((await omar.getRun(run.id)).run.reason).toMatch(/\(1 of 2\)$/);
    // The requester's own chat identity is the requester too.
    const { run: hers } = await sara.startRun({ playbook: 'isolate' });
    await waitingApproval(sara, hers.id);
    await expect(saraInSlack.approveStep(hers.id)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('started this run') });
    await sara.abortRun(hers.id);
    await nasser.approveStep(run.id);
    await runWhen(omar, run.id, 'the run to succeed', status('succeeded'));
    await Promise.all([laylaInSlack.close(), saraInSlack.close()]);
  });

  it('ends the run when someone rejects it, with who and why', async () => {
    const { run } = await sara.startRun({ playbook: 'isolate' });
    await waitingApproval(sara, run.id);
    await layla.rejectStep(run.id, { reason: 'not a real intrusion' });
    const failed = await runWhen(sara, run.id, 'the run to fail', status('failed'));
    expect(failed.run.reason).toBe('step agree failed: rejected by layla: not a real intrusion');
    expect(failed.steps[1]!.status).toBe('pending');
    await expect(nasser.approveStep(run.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already failed') });
  });
});

describe('a one-person approval', () => {
  it('lets its requester approve, when their role is one the step names', async () => {
    const { run } = await sara.startRun({ playbook: 'one-ok' });
    await waitingApproval(sara, run.id);
    await sara.approveStep(run.id);
    await runWhen(sara, run.id, 'the run to succeed', status('succeeded'));
  });

  it('is refused at a run that waits for something else, and for a step it is not at', async () => {
    const { run } = await sara.startRun({ playbook: 'one-ok' });
    await waitingApproval(sara, run.id);
    await expect(sara.approveStep(run.id, { step: 'isolate' })).rejects.toMatchObject({ code: 'conflict', message: `${run.id} is at step agree, not isolate` });
    await expect(sara.confirmItems(run.id, [1])).rejects.toMatchObject({ code: 'conflict', message: `${run.id} is at approval step agree: there is no checklist to confirm` });
    await expect(sara.approveStep('RUN-999999')).rejects.toMatchObject({ code: 'not_found' });
  });
});
