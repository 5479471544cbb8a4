// The Slack bot as Slack sees it: a real Bolt app on a free loopback port,
// signed requests in, its Web API calls and response_url posts going to a
// local stand-in, and a real hub behind it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockActionBody,
  eventBody,
  FORM,
  JSON_TYPE,
  postSigned,
  signSlackBody,
  slashCommandBody,
  viewSubmissionBody,
} from '../helpers/slack-signing.js';
import { OFFICER, REPLY_WAIT_MS, startSlackBotFixture, VIEWER, type ReplyWatch, type SlackBotFixture } from './slack-fixture.js';

const SECRET = 'test-signing-secret-0123456789';

let fx: SlackBotFixture;
let url: string;

beforeAll(async () => {
  fx = await startSlackBotFixture({ signingSecret: SECRET, host: '127.0.0.1', port: 0 });
  url = (await fx.bot.start()).url!;
});

afterAll(async () => {
  await fx?.stop();
});

let replies: ReplyWatch;
beforeEach(() => {
  replies = fx.replies();
});

const command = (text: string, userId = OFFICER, timestamp?: number) =>
  signSlackBody(SECRET, slashCommandBody({ text, userId, responseUrl: fx.slack.responseUrl() }), FORM, timestamp);
const press = (actionId: string, value: string, userId: string) =>
  signSlackBody(SECRET, blockActionBody({ actionId, value, userId, responseUrl: fx.slack.responseUrl() }), FORM);

describe('the Slack bot over HTTP', () => {
  it('reports the events URL it listens on', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
  });

  it('acknowledges a signed /wf at once and answers through the response_url', async () => {
    expect(await postSigned(url, command('status RUH'))).toBe(200);
    await replies.wait(1);
    const [reply] = replies.list();
    expect(reply!.args.response_type).toBe('ephemeral');
    expect(String(reply!.args.text)).toContain('RUH');
    expect(Array.isArray(reply!.args.blocks)).toBe(true);
  });

  it('acks every /wf of a burst itself and answers each one (none lost between the ack and the listener)', async () => {
    // A channel of twenty (unmapped: viewers) asking about the fixture's two sites; no request twice (that would be a replay).
    const sites = ['RUH', 'JED'];
    const asked = Array.from({ length: 20 }, (_, i) => postSigned(url, command(`status ${sites[i % sites.length]}`, `UBURST${i}`)));
    expect(await Promise.all(asked)).toEqual(Array(20).fill(200));
    await replies.wait(20);
    const answered = replies.list().map((r) => String(r.args.text));
    for (const site of sites) expect(answered.filter((t) => t.startsWith(`${site} `))).toHaveLength(10);
    expect(answered).toHaveLength(20);
  });

  it("leaves Slack's ssl_check to Bolt: answered 200, nothing run", async () => {
    const check = signSlackBody(SECRET, new URLSearchParams({ ssl_check: '1', token: 'legacy' }).toString(), FORM);
    expect(await postSigned(url, check)).toBe(200);
    expect(replies.list()).toEqual([]);
  });

  it('refuses a forged signature with 401 and acts on nothing', async () => {
    const incident = await fx.newIncident('forged ack');
    const good = command(`incidents ack ${incident.id}`);
    const forged = { ...good, signature: `v0=${'0'.repeat(64)}` };
    expect(await postSigned(url, forged)).toBe(401);
    // The body signed for a different text: the signature no longer matches.
    expect(await postSigned(url, { ...good, body: good.body.replace('ack', 'escalate') })).toBe(401);
    expect(replies.list()).toEqual([]);
    expect((await fx.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'triggered', version: incident.version });
  });

  it('refuses a correctly signed but stale request (over 5 minutes old) with 401', async () => {
    const incident = await fx.newIncident('stale ack');
    const stale = command(`incidents ack ${incident.id}`, OFFICER, Math.floor(Date.now() / 1000) - 6 * 60);
    expect(await postSigned(url, stale)).toBe(401);
    expect(replies.list()).toEqual([]);
    expect((await fx.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'triggered', version: incident.version });
  });

  it('refuses a correctly signed request dated more than 5 minutes ahead with 401', async () => {
    const incident = await fx.newIncident('future ack');
    const future = command(`incidents ack ${incident.id}`, OFFICER, Math.floor(Date.now() / 1000) + 10 * 60);
    expect(await postSigned(url, future)).toBe(401);
    expect(replies.list()).toEqual([]);
    expect((await fx.admin.getIncident(incident.id)).incident.version).toBe(incident.version);
  });

  it('acts on a fresh signed request once, and refuses its replay with 401', async () => {
    const incident = await fx.newIncident('replayed ack');
    const once = command(`incidents ack ${incident.id}`);
    expect(await postSigned(url, once)).toBe(200);
    await replies.wait(1);
    const after = (await fx.admin.getIncident(incident.id)).incident;
    expect(after).toMatchObject({ state: 'acknowledged', version: incident.version + 1 });

    expect(await postSigned(url, once)).toBe(401);
    expect(replies.list()).toHaveLength(1);
    expect((await fx.admin.getIncident(incident.id)).incident.version).toBe(after.version);
  });

  it('refuses a viewer-mapped user pressing Acknowledge, and nothing changes', async () => {
    const incident = await fx.newIncident('viewer presses ack');
    expect(await postSigned(url, press('wf:ack', incident.id, VIEWER))).toBe(200);
    await replies.wait(1);
    const [reply] = replies.list();
    expect(reply!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply!.args.text)).toMatch(/officer/i);
    const detail = await fx.admin.getIncident(incident.id);
    expect(detail.incident).toMatchObject({ state: 'triggered', version: incident.version });
    const acks = (await fx.admin.listAudit({ limit: 1000 })).filter((e) => e.action.includes('ack') && e.target === incident.id);
    expect(acks).toEqual([]);
  });

  it('an officer-mapped user acknowledges from the button; the audit names channel slack and the chat user', async () => {
    const incident = await fx.newIncident('officer presses ack');
    expect(await postSigned(url, press('wf:ack', incident.id, OFFICER))).toBe(200);
    await replies.wait(1);
    expect((await fx.admin.getIncident(incident.id)).incident.state).toBe('acknowledged');
    const entry = (await fx.admin.listAudit({ limit: 1000 })).find((e) => e.action.includes('ack') && e.target === incident.id);
    expect(entry).toMatchObject({ channel: 'slack' });
    expect(JSON.stringify(entry!.detail)).toContain(`slack:${OFFICER}`);
  });

  it('Resolve opens a modal for the summary; submitting it resolves the incident', async () => {
    const incident = await fx.newIncident('resolve from chat');
    // An officer resolves what they acknowledged.
    expect(await postSigned(url, press('wf:ack', incident.id, OFFICER))).toBe(200);
    await replies.wait(1);
    replies = fx.replies();
    const opened = fx.slack.callsOf('views.open').length;
    expect(await postSigned(url, press('wf:resolve', incident.id, OFFICER))).toBe(200);
    await fx.slack.waitFor(() => fx.slack.callsOf('views.open').length > opened, REPLY_WAIT_MS);
    const view = fx.slack.callsOf('views.open').at(-1)!.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('wf:resolve');
    expect((await fx.admin.getIncident(incident.id)).incident.state).toBe('acknowledged');

    const submit = signSlackBody(SECRET, viewSubmissionBody({ userId: OFFICER, privateMetadata: view.private_metadata, summary: 'rebooted the e-gate' }), FORM);
    expect(await postSigned(url, submit)).toBe(200);
    await replies.wait(1);
    const resolved = await fx.admin.getIncident(incident.id);
    expect(resolved.incident.state).toBe('resolved');
    expect(JSON.stringify(resolved)).toContain('rebooted the e-gate');
    expect(replies.list()[0]!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('answers a mention in its thread and a DM in the DM', async () => {
    const posts = fx.slack.callsOf('chat.postMessage').length;
    const mention = eventBody({ type: 'app_mention', user: OFFICER, text: '<@UBOTWF001> status RUH', ts: '1700000100.000100', channel: 'C0OPS', event_ts: '1700000100.000100' });
    expect(await postSigned(url, signSlackBody(SECRET, mention, JSON_TYPE))).toBe(200);
    const dm = eventBody({ type: 'message', channel_type: 'im', user: VIEWER, text: 'status', ts: '1700000200.000100', channel: 'D0VIEWER', event_ts: '1700000200.000100' });
    expect(await postSigned(url, signSlackBody(SECRET, dm, JSON_TYPE))).toBe(200);
    await fx.slack.waitFor(() => fx.slack.callsOf('chat.postMessage').length >= posts + 2, REPLY_WAIT_MS);
    const sent = fx.slack.callsOf('chat.postMessage').slice(posts);
    expect(sent.find((c) => c.args.channel === 'C0OPS')?.args).toMatchObject({ thread_ts: '1700000100.000100' });
    const inDm = sent.find((c) => c.args.channel === 'D0VIEWER');
    expect(inDm?.args.thread_ts).toBeUndefined();
    expect(String(inDm?.args.text)).not.toBe('');
  });

  it('publishes the fleet summary when the App Home opens', async () => {
    const before = fx.slack.callsOf('views.publish').length;
    const home = eventBody({ type: 'app_home_opened', user: VIEWER, channel: 'D0VIEWER', tab: 'home', event_ts: '1700000300.000100' });
    expect(await postSigned(url, signSlackBody(SECRET, home, JSON_TYPE))).toBe(200);
    await fx.slack.waitFor(() => fx.slack.callsOf('views.publish').length > before, REPLY_WAIT_MS);
    const call = fx.slack.callsOf('views.publish').at(-1)!;
    expect(call.args.user_id).toBe(VIEWER);
    expect((call.args.view as { type: string; blocks: unknown[] }).type).toBe('home');
    expect((call.args.view as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
  });
});
