// The Teams bot through the Bot Framework's TestAdapter against a real hub:
// questions become Adaptive Cards (in Arabic when asked in Arabic), and card
// buttons act through the hub as the mapped chat user — or are refused.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityMap } from '../../src/bot/identity.js';
import type { AdaptiveCard } from '../../src/bot/teams/adaptive-card.js';
import { createTeamsBot } from '../../src/bot/teams/bot.js';
import { CoreClient } from '../../src/core/client.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { RecordingAdapter } from './teams-recording-adapter.js';

const OFFICER = 'aad-officer-0001';
const STRANGER = 'aad-unmapped-0002';
const identities: IdentityMap = { users: { [`teams:${OFFICER}`]: { name: 'Ahmed Al-Harbi', role: 'officer' } } };

let hub: TestHub;
let admin: CoreClient;
let botToken: string;

beforeAll(async () => {
  // The demo fleet: the 103 real sites with their Arabic names (the simulator at its slowest).
  hub = await startTestHub({ demo: true, seed: 7, speed: 1 });
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
  botToken = (await admin.createToken({ name: 'teams-bot', role: 'supervisor', bot: true })).secret;
});

afterAll(async () => {
  await admin?.close();
  await hub?.stop();
});

function startBot() {
  const bot = createTeamsBot({ hub: { hubUrl: hub.url, token: botToken }, identities });
  return new RecordingAdapter(async (context) => bot.run(context));
}

/** Sends one activity from `aadObjectId` and returns what the bot sent back. */
async function send(adapter: RecordingAdapter, aadObjectId: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.processActivity({ type: 'message', from: { id: `29:${aadObjectId}`, name: 'someone', aadObjectId }, ...activity });
  return adapter.activityBuffer.splice(0);
}

function cardOf(activity: Activity | Partial<Activity> | undefined): AdaptiveCard {
  const attachment = activity?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachment!.content as AdaptiveCard;
}

const textOf = (card: AdaptiveCard) => JSON.stringify(card.body);

async function newIncident(title: string) {
  return (await admin.createIncident({ title, severity: 'sev2', siteId: 'RUH' })).incident;
}

describe('Teams bot: questions', () => {
  it('answers "status RUH" with an Adaptive Card of the site', async () => {
    const replies = await send(startBot(), OFFICER, { text: 'status RUH' });
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(card.version).toBe('1.5');
    expect(card.lang).toBe('en');
    expect(textOf(card)).toContain('King Khalid International Airport');
    expect(textOf(card)).not.toContain('"color":"attention","weight":"bolder"'); // not an error card
  });

  it('strips the <at>…</at> mention Teams puts in channel messages', async () => {
    const replies = await send(startBot(), OFFICER, {
      text: '<at>watchfloor</at> status RUH',
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'watchfloor' }, text: '<at>watchfloor</at>' }],
      conversation: { id: 'channel-1', isGroup: true, conversationType: 'channel', name: 'ops' },
    });
    expect(textOf(cardOf(replies[0]))).toContain('King Khalid International Airport');
  });

  it('answers an Arabic question with an Arabic card, right to left, also for an unmapped user', async () => {
    const replies = await send(startBot(), STRANGER, { text: 'ما حالة مطار الملك خالد' });
    const card = cardOf(replies[0]);
    expect(card.lang).toBe('ar');
    expect(card.rtl).toBe(true);
    expect(textOf(card)).toContain('مطار الملك خالد الدولي');
  });
});

describe('Teams bot: card buttons (Action.Submit)', () => {
  it('an officer-mapped user pressing Acknowledge acknowledges the incident, audited as teams, and the card the bot posted is redrawn in place', async () => {
    const incident = await newIncident('e-gate 07 offline (teams ack)');
    const adapter = startBot();
    const [posted] = await send(adapter, OFFICER, { text: `incidents show ${incident.id}` });
    const before = cardOf(posted);
    expect(JSON.stringify(before.actions)).toContain('"wf":"ack"');

    // No replyToId: the bot finds the card it posted for this incident in this conversation.
    const replies = await send(adapter, OFFICER, { value: { wf: 'ack', value: incident.id } });

    const after = await admin.getIncident(incident.id);
    expect(after.incident.state).toBe('acknowledged');
    expect(after.timeline.find((t) => t.kind === 'acknowledged')).toMatchObject({ channel: 'teams' });
    const audit = (await admin.listAudit({ limit: 1000 })).find((e) => e.target === incident.id && e.action.includes('ack'));
    expect(audit).toMatchObject({ channel: 'teams', detail: { onBehalfOf: expect.stringContaining(`teams:${OFFICER}`) } });

    expect(adapter.updated).toHaveLength(1);
    expect(adapter.updated[0]!.id).toBe(posted!.id);
    const redrawn = cardOf(adapter.updated[0]);
    expect(JSON.stringify(redrawn.actions)).not.toContain('"wf":"ack"');
    expect(textOf(redrawn)).toContain('acknowledged');
    expect(textOf(cardOf(replies[0]))).toContain(incident.id);
  });

  it('an unmapped user pressing Acknowledge is refused, and the incident and its card stay as they were', async () => {
    const incident = await newIncident('e-gate 08 offline (teams refused)');
    const adapter = startBot();
    const replies = await send(adapter, STRANGER, { value: { wf: 'ack', value: incident.id }, replyToId: 'card-1' });

    const card = cardOf(replies[0]);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(textOf(card)).toMatch(/officer/);
    const after = await admin.getIncident(incident.id);
    expect(after.incident.state).toBe('triggered');
    expect(after.incident.version).toBe(incident.version);
    expect((await admin.listAudit({ limit: 1000 })).filter((e) => e.target === incident.id && e.action.includes('ack'))).toEqual([]);
    expect(adapter.updated).toEqual([]);
  });

  it('Resolve submits the summary typed into the card with the button, and the pressed card is redrawn resolved', async () => {
    const incident = await newIncident('counter 03 printer jam (teams resolve)');
    const adapter = startBot();
    await send(adapter, OFFICER, { value: { wf: 'ack', value: incident.id } });
    expect(adapter.updated).toEqual([]); // no card of it posted or pressed yet
    await send(adapter, OFFICER, { value: { wf: 'resolve', value: incident.id, summary: '  printer cleared on site  ' }, replyToId: 'card-from-notifier' });
    const after = await admin.getIncident(incident.id);
    expect(after.incident.state).toBe('resolved');
    expect(after.incident.summary).toBe('printer cleared on site');
    // The card the button sat on (posted by someone else, e.g. the notifier) is redrawn: resolved, no buttons left.
    expect(adapter.updated.map((a) => a.id)).toEqual(['card-from-notifier']);
    const redrawn = cardOf(adapter.updated[0]);
    expect(redrawn.actions).toBeUndefined();
    expect(textOf(redrawn)).toContain('printer cleared on site');
  });

  it('ignores a message value that is not one of our buttons', async () => {
    const replies = await send(startBot(), OFFICER, { value: { something: 'else' } });
    expect(replies).toEqual([]);
  });
});
