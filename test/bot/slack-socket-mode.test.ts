// The Slack bot in Socket Mode: the real Bolt app dials out, as it would to
// Slack, but finds its WebSocket URL through the Web API stand-in's
// apps.connections.open and connects to a local Socket Mode stand-in, which
// hands it envelopes and checks each is acknowledged on the socket. A real hub
// stands behind the bot.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blockActionPayload, slashCommandPayload } from '../helpers/slack-signing.js';
import { startSlackSocketMode, type SlackSocketModeStandIn } from '../helpers/slack-socket-mode.js';
import { OFFICER, startSlackBotFixture, VIEWER, type ReplyWatch, type SlackBotFixture } from './slack-fixture.js';

const APP_TOKEN = 'xapp-1-test';
const ACK_WAIT_MS = 5_000;

let socket: SlackSocketModeStandIn;
let fx: SlackBotFixture;

beforeAll(async () => {
  socket = await startSlackSocketMode();
  fx = await startSlackBotFixture({ socketMode: true, appToken: APP_TOKEN });
  fx.slack.setSocketModeUrl(socket.url);
  // Resolves on the stand-in's hello, so a bot that never connects fails here.
  await fx.bot.start();
}, 30_000);

afterAll(async () => {
  // The bot first: stopped, it hangs up and does not dial again when the socket goes.
  await fx?.stopBot();
  await socket?.waitForDisconnect().catch(() => undefined);
  await socket?.close();
  await fx?.stop();
});

let replies: ReplyWatch;
beforeEach(() => {
  replies = fx.replies();
});

describe('the Slack bot in Socket Mode', () => {
  it('asks apps.connections.open for its URL with the app-level token, and connects once', () => {
    const opens = fx.slack.callsOf('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toBe(APP_TOKEN);
    expect(socket.connections).toBe(1);
  });

  it('acknowledges a /wf envelope on the socket and answers through the response_url', async () => {
    const ack = await socket.deliver(
      {
        envelopeId: 'env-slash-status',
        type: 'slash_commands',
        acceptsResponsePayload: true,
        payload: slashCommandPayload({ text: 'status RUH', userId: OFFICER, responseUrl: fx.slack.responseUrl('socket-status') }),
      },
      ACK_WAIT_MS,
    );
    expect(ack.envelope_id).toBe('env-slash-status');
    // Acknowledged empty at once: the answer takes hub calls, so it goes to the response_url.
    expect(ack.payload ?? {}).toEqual({});

    await replies.wait(1);
    const [reply] = replies.list();
    expect(reply!.args.response_type).toBe('ephemeral');
    expect(String(reply!.args.text)).toContain('RUH');
    expect(Array.isArray(reply!.args.blocks)).toBe(true);
    expect(JSON.stringify(reply!.args.blocks)).toContain('RUH');
  });

  it('acknowledges a viewer pressing Acknowledge, refuses it, and the incident is unchanged', async () => {
    const incident = await fx.newIncident('viewer presses ack over the socket');
    const ack = await socket.deliver(
      {
        envelopeId: 'env-viewer-ack',
        type: 'interactive',
        payload: blockActionPayload({ actionId: 'wf:ack', value: incident.id, userId: VIEWER, responseUrl: fx.slack.responseUrl('socket-viewer') }),
      },
      ACK_WAIT_MS,
    );
    expect(ack.envelope_id).toBe('env-viewer-ack');

    await replies.wait(1);
    const [reply] = replies.list();
    expect(reply!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply!.args.text)).toMatch(/officer/i);
    expect((await fx.admin.getIncident(incident.id)).incident).toMatchObject({ state: 'triggered', version: incident.version });
  });

  it('on stop, closes its socket normally and dials no more', async () => {
    await fx.stopBot();
    await socket.waitForDisconnect();
    expect(socket.closeCodes).toEqual([1000]);
    expect(socket.connections).toBe(1);
    expect(fx.slack.callsOf('apps.connections.open')).toHaveLength(1);
  });
});
