// The Slack bot as Slack sees it, whatever the transport: a real hub, the
// Slack Web API stand-in, and a real Bolt app between them acting for two chat
// users (an officer and a viewer). The test picks the transport and starts the bot.
import type { IdentityMap } from '../../src/bot/identity.js';
import { createSlackBot, type SlackBot, type SlackBotOptions } from '../../src/bot/slack/app.js';
import type { CoreClient } from '../../src/core/client.js';
import type { Incident } from '../../src/core/model.js';
import type { Fleet } from '../../src/hub/demo/demo-world.js';
import { startFixtureHub, type FixtureHub, type FixtureOptions } from '../hub/hub-fixture.js';
import { startSlackApi, type SlackApiCall, type SlackApiStandIn } from '../helpers/slack-api.js';

export const OFFICER = 'U0OFFICER';
export const VIEWER = 'U0VIEWER';

/** How long a test waits for the bot's answer: generous, the machine is shared. */
export const REPLY_WAIT_MS = 10_000;

export type SlackTransport = Pick<SlackBotOptions, 'signingSecret' | 'host' | 'port' | 'socketMode' | 'appToken'>;

/** The response_url posts made after it was taken. */
export interface ReplyWatch {
  list(): SlackApiCall[];
  wait(count: number): Promise<void>;
}

export interface SlackBotFixture {
  hub: FixtureHub;
  admin: CoreClient;
  slack: SlackApiStandIn;
  /** Created, not started: start it once its transport is ready. */
  bot: SlackBot;
  /** Bolt's warnings and errors, and failed replies. */
  logs: string[];
  newIncident(title: string): Promise<Incident>;
  replies(): ReplyWatch;
  /** Stops the bot once (later calls wait for the same stop). */
  stopBot(): Promise<void>;
  /** Stops the bot, then the stand-in, then the hub. */
  stop(): Promise<void>;
}

export interface SlackBotFixtureOptions {
  /** The fleet the hub holds (default: the tiny fixture fleet). */
  fleet?: Fleet;
  /** More chat users beside the officer and the viewer. */
  users?: IdentityMap['users'];
  /** More for the hub (a catalogue of playbooks, a faster runner). */
  hub?: FixtureOptions;
}

export async function startSlackBotFixture(transport: SlackTransport, options: SlackBotFixtureOptions = {}): Promise<SlackBotFixture> {
  const hub = await startFixtureHub({ ...options.hub, ...(options.fleet ? { fleet: options.fleet } : {}) });
  const slack = await startSlackApi();
  const logs: string[] = [];
  const botToken = (await hub.clientAs('supervisor', 'slack-bot', { bot: true })).secret;
  const bot = createSlackBot({
    ...transport,
    botToken: 'xoxb-test',
    hub: { hubUrl: hub.url, token: botToken },
    identities: {
      users: {
        [`slack:${OFFICER}`]: { name: 'Ahmed', role: 'officer' },
        [`slack:${VIEWER}`]: { name: 'Visitor', role: 'viewer' },
        ...options.users,
      },
    },
    slackApiUrl: slack.url,
    log: (line) => logs.push(line),
  });
  let botStopped: Promise<void> | undefined;
  const stopBot = () => (botStopped ??= bot.stop());

  return {
    hub,
    admin: hub.admin,
    slack,
    bot,
    logs,
    async newIncident(title) {
      return (await hub.admin.createIncident({ title, severity: 'sev2', siteId: 'RUH' })).incident;
    },
    replies() {
      const mark = slack.callsOf('response_url').length;
      const list = () => slack.callsOf('response_url').slice(mark);
      return { list, wait: (count) => slack.waitFor(() => list().length >= count, REPLY_WAIT_MS) };
    },
    stopBot,
    async stop() {
      await stopBot();
      await slack.close();
      await hub.stop();
    },
  };
}
