// Playbook runs in Teams through the Bot Framework's TestAdapter against a
// real hub: the run card as an Adaptive Card with Approve/Reject as
// Action.Submit, the two-person rule held by the hub across Teams and a
// person's own token, and the pressed card redrawn in place.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../src/bot/teams/adaptive-card.js';
import { createTeamsBot } from '../../src/bot/teams/bot.js';
import type { CoreClient } from '../../src/core/client.js';
import { playbook, runWhen, startPlaybookHub, status, type PlaybookHub } from '../playbooks/playbook-hub.js';
import { RecordingAdapter } from './teams-recording-adapter.js';

const KHALID = 'aad-khalid-0001';
const LAYLA = 'aad-layla-0002';
const NASSER = 'aad-nasser-0003';
const VIEWER = 'aad-viewer-0004';
const bi = (en: string) => ({ en, ar: `${en} (ar)` });

let hub: PlaybookHub;
let layla: CoreClient;
let adapter: RecordingAdapter;

beforeAll(async () => {
  hub = await startPlaybookHub([
    playbook('isolate', [
      { id: 'agree', type: 'approval', roles: ['supervisor'], 'two-person': true },
      { id: 'cut', type: 'set-mode', site: 'RUH', mode: 'network-isolated' },
    ]),
    playbook('evacuate', [{ id: 'sweep', type: 'checklist', items: [bi('hall A clear'), bi('hall B clear')] }]),
  ]);
  layla = await hub.as('supervisor', 'layla');
  const { secret } = await hub.admin.createToken({ name: 'teams-bot', role: 'supervisor', bot: true });
  const bot = createTeamsBot({
    hub: { hubUrl: hub.url, token: secret },
    identities: {
      users: {
        [`teams:${KHALID}`]: { name: 'Khalid', role: 'supervisor' },
        [`teams:${LAYLA}`]: { name: 'Layla', role: 'supervisor' },
        [`teams:${NASSER}`]: { name: 'Nasser', role: 'admin' },
        [`teams:${VIEWER}`]: { name: 'Visitor', role: 'viewer' },
      },
    },
  });
  adapter = new RecordingAdapter(async (context) => bot.run(context));
}, 30_000);

afterAll(async () => hub?.stop());

async function send(aadObjectId: string, activity: Partial<Activity>): Promise<AdaptiveCard> {
  await adapter.processActivity({ type: 'message', from: { id: `29:${aadObjectId}`, name: 'someone', aadObjectId }, ...activity });
  const [reply] = adapter.activityBuffer.splice(0);
  return reply!.attachments![0]!.content as AdaptiveCard;
}

const text = (card: AdaptiveCard) => JSON.stringify(card);

describe('a playbook run in Teams', () => {
  it('answers with the run card, refuses the requester, a viewer and the same person twice, and redraws the card as people decide', async () => {
    const started = await send(KHALID, { text: 'playbook run isolate --site RUH --yes' });
    const runId = /RUN-\d{6}/.exec(text(started))![0];
    await runWhen(hub.admin, runId, 'the run to wait', status('waiting', 'approval'));
    const submits = started.actions!.filter((a) => a.type === 'Action.Submit');
    expect(submits.map((a) => a.type === 'Action.Submit' && a.data)).toEqual([
      { wf: 'approve', value: `${runId} agree` },
      { wf: 'reject', value: `${runId} agree` },
    ]);
    expect((await hub.admin.getRun(runId)).run).toMatchObject({ channel: 'teams', startedBy: { name: `Khalid (teams:${KHALID})` } });

    const press = { value: { wf: 'approve', value: `${runId} agree` } };
    expect(text(await send(KHALID, press))).toContain('other than its requester');
    expect(text(await send(VIEWER, press))).toContain('needs the supervisor role');
    await layla.approveStep(runId);
    expect(text(await send(LAYLA, press))).toContain('already approved step agree');
    expect(adapter.updated).toHaveLength(0);

    await send(NASSER, press);
    await runWhen(hub.admin, runId, 'the run to succeed', status('succeeded'));
    // The card Khalid's run was answered with, redrawn in place with Nasser's approval.
    expect(adapter.updated).toHaveLength(1);
    const redrawn = adapter.updated[0]!.attachments![0]!.content as AdaptiveCard;
    expect(text(redrawn)).toContain('approved by Nasser (teams:aad-nasser-0003) (teams)');
  }, 30_000);
});

describe('a checklist in Teams', () => {
  it('carries a button per item; each press ticks its item as the presser, and the run goes on once all are ticked', async () => {
    const started = await send(NASSER, { text: 'playbook run evacuate --yes' });
    const runId = /RUN-\d{6}/.exec(text(started))![0];
    const items = started.actions!.flatMap((a) => (a.type === 'Action.Submit' ? [a.data] : []));
    expect(items).toEqual([
      { wf: 'confirm', value: `${runId} sweep 1` },
      { wf: 'confirm', value: `${runId} sweep 2` },
    ]);
    expect(text(await send(VIEWER, { value: items[0] }))).toContain('officer');
    await send(LAYLA, { value: items[0] });
    await send(KHALID, { value: items[1] });
    const done = await runWhen(hub.admin, runId, 'the run to succeed', status('succeeded'));
    expect(done.checklist.map((t) => [t.item, t.actor.name, t.channel])).toEqual([
      [1, `Layla (teams:${LAYLA})`, 'teams'],
      [2, `Khalid (teams:${KHALID})`, 'teams'],
    ]);
  }, 30_000);
});
