// Exact names, cities, the asker's language and chat's own hints as Slack and
// Teams carry them: a real Bolt app over signed HTTP (the slash command, a
// mention, a DM, a button) and the Teams bot through the Bot Framework's
// TestAdapter, both over a real hub holding the 103 real sites.
import { TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdentityMap } from '../../src/bot/identity.js';
import type { AdaptiveCard } from '../../src/bot/teams/adaptive-card.js';
import { createTeamsBot } from '../../src/bot/teams/bot.js';
import { buildDemoFleet } from '../../src/sim/fleet.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import type { SlackApiCall } from '../helpers/slack-api.js';
import { blockActionBody, eventBody, FORM, JSON_TYPE, postSigned, signSlackBody, slashCommandBody } from '../helpers/slack-signing.js';
import { OFFICER, REPLY_WAIT_MS, startSlackBotFixture, VIEWER, type ReplyWatch, type SlackBotFixture } from './slack-fixture.js';

const SECRET = 'test-signing-secret-places-0123';
/** Mapped with `lang: ar`: every reply to them is in Arabic unless they ask otherwise. */
const ARABIC_READER = 'U0ARABIC';

let fx: SlackBotFixture;
let url: string;

beforeAll(async () => {
  fx = await startSlackBotFixture(
    { signingSecret: SECRET, host: '127.0.0.1', port: 0 },
    { fleet: buildDemoFleet(), users: { [`slack:${ARABIC_READER}`]: { name: 'Ahmed Al-Qahtani', role: 'officer', lang: 'ar' } } },
  );
  url = (await fx.bot.start()).url!;
}, 30_000);

afterAll(async () => {
  await fx?.stop();
});

let replies: ReplyWatch;
beforeEach(() => {
  replies = fx.replies();
});

/** The /wf command's answer at its response_url. */
async function slash(text: string, userId = VIEWER): Promise<SlackApiCall['args']> {
  expect(await postSigned(url, signSlackBody(SECRET, slashCommandBody({ text, userId, responseUrl: fx.slack.responseUrl() }), FORM))).toBe(200);
  await replies.wait(1);
  return replies.list()[0]!.args;
}

let eventTs = 1_700_001_000;
/** A mention in a channel or a DM: the bot's chat.postMessage in answer. */
async function message(kind: 'mention' | 'dm', text: string, userId = VIEWER): Promise<SlackApiCall['args']> {
  const ts = `${eventTs++}.000100`;
  const channel = kind === 'dm' ? `D${userId}` : 'C0OPS';
  const event = kind === 'dm' ? { type: 'message', channel_type: 'im', user: userId, text, ts, channel, event_ts: ts } : { type: 'app_mention', user: userId, text: `<@UBOTWF001> ${text}`, ts, channel, event_ts: ts };
  const before = fx.slack.callsOf('chat.postMessage').length;
  expect(await postSigned(url, signSlackBody(SECRET, eventBody(event), JSON_TYPE))).toBe(200);
  await fx.slack.waitFor(() => fx.slack.callsOf('chat.postMessage').slice(before).some((c) => c.args.channel === channel), REPLY_WAIT_MS);
  return fx.slack.callsOf('chat.postMessage').slice(before).find((c) => c.args.channel === channel)!.args;
}

const buttonValues = (args: SlackApiCall['args']): string[] =>
  (args.blocks as { type: string; elements?: { value?: string }[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => e.value ?? '') : []));
const blocksText = (args: SlackApiCall['args']) => JSON.stringify(args.blocks);

describe('Slack: exact names and cities, unquoted', () => {
  it('the slash command finds JED by its English name', async () => {
    const args = await slash('status King Abdulaziz International Airport');
    expect(String(args.text)).toMatch(/^JED King Abdulaziz International Airport: /);
  });

  it('a mention finds JED by its Arabic name', async () => {
    const args = await message('mention', 'status مطار الملك عبدالعزيز الدولي');
    expect(String(args.text)).toMatch(/^JED مطار الملك عبدالعزيز الدولي: /);
  });

  it('a DM with a city offers its sites, ports first', async () => {
    const args = await message('dm', 'status jeddah');
    expect(buttonValues(args)).toEqual(['status JED', 'status JED-HAJJ', 'status SEA-JED']);
    const single = await message('dm', 'status حقل');
    expect(String(single.text)).toMatch(/^LND-DURRA منفذ الدرة: /);
  });
});

describe('Slack: the asker’s language', () => {
  it('`/wf --lang ar status RUH` answers in Arabic, with the city in Arabic', async () => {
    const args = await slash('--lang ar status RUH');
    expect(String(args.text)).toMatch(/^RUH مطار الملك خالد الدولي: (سليم|متأثر|متوقف)$/);
    expect(blocksText(args)).toContain('جوي · الرياض · الرياض');
    expect(blocksText(args)).not.toContain('Riyadh');
  });

  it('a user mapped to Arabic gets Arabic, and the Arabic "did you mean" is Arabic', async () => {
    const site = await message('dm', 'status RUH', ARABIC_READER);
    expect(String(site.text)).toMatch(/^RUH مطار الملك خالد الدولي: /);
    const dym = await slash('status jeddah', ARABIC_READER);
    expect(blocksText(dym)).toContain('يطابق أكثر من موقع');
    expect(blocksText(dym)).not.toContain('matches more than one site');
    expect(buttonValues(dym)).toEqual(['status JED', 'status JED-HAJJ', 'status SEA-JED']);
  });

  it('a button from an Arabic reply answers in Arabic', async () => {
    const dym = await slash('status جدة');
    const [value] = buttonValues(dym);
    replies = fx.replies();
    expect(await postSigned(url, signSlackBody(SECRET, blockActionBody({ actionId: 'wf:run:0', value: value!, userId: OFFICER, responseUrl: fx.slack.responseUrl() }), FORM))).toBe(200);
    await replies.wait(1);
    expect(String(replies.list()[0]!.args.text)).toMatch(/^JED مطار الملك عبدالعزيز الدولي: /);
  });

  it('hints name the slash command', async () => {
    const args = await slash('incidents show INC-999999');
    expect(blocksText(args)).toContain('list them with `/wf incidents list`');
    expect(blocksText(args)).not.toContain('watchfloor incidents list');
  });
});

// ---- Teams -------------------------------------------------------------------

const TEAMS_OFFICER = 'aad-officer-places';
const TEAMS_ARABIC = 'aad-arabic-places';
const teamsUsers: IdentityMap = {
  users: {
    [`teams:${TEAMS_OFFICER}`]: { name: 'Sara Al-Harbi', role: 'officer' },
    [`teams:${TEAMS_ARABIC}`]: { name: 'Ahmed Al-Qahtani', role: 'officer', lang: 'ar' },
  },
};

describe('Teams: the same words, the same answers', () => {
  let hub: FixtureHub;
  let adapter: TestAdapter;

  beforeAll(async () => {
    hub = await startFixtureHub({ fleet: buildDemoFleet() });
    const token = (await hub.clientAs('supervisor', 'teams-bot', { bot: true })).secret;
    const bot = createTeamsBot({ hub: { hubUrl: hub.url, token }, identities: teamsUsers });
    adapter = new TestAdapter(async (context) => bot.run(context));
  }, 30_000);

  afterAll(async () => {
    await hub?.stop();
  });

  async function card(text: string, aadObjectId = TEAMS_OFFICER): Promise<AdaptiveCard> {
    await adapter.processActivity({ type: 'message', from: { id: `29:${aadObjectId}`, name: 'someone', aadObjectId }, text } as Partial<Activity>);
    const [sent] = adapter.activityBuffer.splice(0);
    return sent!.attachments![0]!.content as AdaptiveCard;
  }

  it('finds JED by either exact name, in a chat or as a mention', async () => {
    expect(JSON.stringify((await card('status King Abdulaziz International Airport')).body)).toContain('JED · King Abdulaziz International Airport');
    expect(JSON.stringify((await card('<at>watchfloor</at> status مطار الملك عبدالعزيز الدولي')).body)).toContain('JED · مطار الملك عبدالعزيز الدولي');
  });

  it('`--lang ar` and a user mapped to Arabic get Arabic cards with Arabic place names', async () => {
    for (const [text, who] of [['--lang ar status RUH', TEAMS_OFFICER], ['status RUH', TEAMS_ARABIC]] as const) {
      const answer = await card(text, who);
      expect(answer.lang).toBe('ar');
      expect(JSON.stringify(answer.body)).toContain('جوي · الرياض · الرياض');
    }
  });

  it('hints name the bot as Teams users reach it', async () => {
    // Teams markdown escapes the backticks (\\`); the words between them are what matter.
    const text = JSON.stringify((await card('incidents show INC-999999')).body);
    expect(text).toContain('@watchfloor incidents list');
    expect(text).not.toMatch(/[^@]watchfloor incidents list/);
  });
});
