// The Slack bot: a Bolt app with our listeners, over HTTP (Slack posts signed
// requests to /slack/events; the replay guard in front) or Socket Mode (the
// bot dials out; no public URL needed). This module only builds and wires;
// each kind of listener lives in listeners/.
import { App, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { IdentityMap } from '../identity.js';
import { redact } from '../../core/redact.js';
import { warmChatPrograms } from '../chat-program-pool.js';
import { chatHubLink } from '../hub-pool.js';
import { afterAck } from './after-ack.js';
import { boltLogger } from './bolt-logger.js';
import { registerActions } from './listeners/actions.js';
import { registerAppHome } from './listeners/app-home.js';
import { registerMessages } from './listeners/messages.js';
import { answerSlashCommand, registerSlashCommand, SLASH_COMMAND } from './listeners/slash-command.js';
import { SignedHttpReceiver, SLACK_EVENTS_PATH } from './signed-receiver.js';
import { slackSessions } from './slack-session.js';
import { unsentReplyLine } from './unsent-replies.js';

export interface SlackBotOptions {
  /** The bot token (xoxb-…). */
  botToken: string;
  /** HTTP mode: the app's signing secret. */
  signingSecret?: string;
  /** Socket Mode: the app-level token (xapp-…) with connections:write. */
  appToken?: string;
  socketMode?: boolean;
  /** HTTP mode: where to listen (default 127.0.0.1:3000; port 0 picks a free one). */
  host?: string;
  port?: number;
  /** The hub and the bot's own token; the hub caps it to each chat user's role. */
  hub: { hubUrl: string; token: string };
  identities: IdentityMap;
  /** Slack's Web API base (default https://slack.com/api/); tests point it at a stand-in. */
  slackApiUrl?: string;
  /** Where Bolt's warnings and errors go (default: nowhere). */
  log?: (line: string) => void;
  logLevel?: LogLevel;
}

export interface SlackBot {
  readonly app: App;
  /** Starts listening (HTTP) or connecting (Socket Mode); HTTP mode reports the events URL to give Slack. */
  start(): Promise<{ url?: string }>;
  stop(): Promise<void>;
}

// Commands answered at once after their acks; more wait their turn. Each is
// a few hub calls and some rendering: eight at a time keep the hub busy
// through a channel's burst (two left it idle between calls) while at most
// HUB_CONNECTIONS requests reach it at once, and the event loop still acks
// new requests between their steps.
const REPLIES_AT_ONCE = 8;
const HUB_CONNECTIONS = 8;
// At a stop, how long replies already being worked on may take to go out;
// the rest are logged. Well inside the 10 s a service manager waits.
const STOP_GRACE_MS = 3_000;

export function createSlackBot(options: SlackBotOptions): SlackBot {
  const log = options.log ?? (() => undefined);
  const logger = boltLogger(log, options.logLevel);
  const slackApi = options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {};
  const receiver = options.socketMode ? socketModeReceiver(options, logger, slackApi) : httpReceiver(options, logger);

  const app = new App({
    token: options.botToken,
    receiver,
    logger,
    // Replies are answers to a person who is waiting: a failed one is logged,
    // not retried for minutes. Notifications that must arrive go through the
    // outbox, which owns retries and honours Retry-After.
    clientOptions: { ...slackApi, retryConfig: { retries: 0 } },
  });
  const later = afterAck(
    REPLIES_AT_ONCE,
    (error) => log(redact(`Slack reply failed: ${error instanceof Error ? error.message : String(error)}`)),
    // Over HTTP, acks first; in Socket Mode an ack is a frame on a socket already open.
    receiver instanceof SignedHttpReceiver ? receiver.ackGate : undefined,
  );
  const hubLink = chatHubLink(options.hub.hubUrl, HUB_CONNECTIONS);
  const listeners = { sessionFor: slackSessions({ identities: options.identities, hub: { ...options.hub, ...hubLink } }), later, log };
  registerSlashCommand(app, listeners);
  // `/wf` always acks empty (its answer goes to the response_url): over HTTP, acked as soon as it verifies.
  if (receiver instanceof SignedHttpReceiver) receiver.answerAtOnce(SLASH_COMMAND, (command) => answerSlashCommand(listeners, command));
  registerMessages(app, listeners);
  registerActions(app, listeners);
  registerAppHome(app, listeners);
  app.error(async (error) => {
    log(`Slack listener failed: ${error.message}`);
  });

  return {
    app,
    async start() {
      warmChatPrograms(REPLIES_AT_ONCE);
      if (receiver instanceof SignedHttpReceiver) return { url: `${await receiver.start()}${SLACK_EVENTS_PATH}` };
      await app.start();
      return {};
    },
    async stop() {
      // No new requests; replies under way get a short grace, the rest are logged.
      await app.stop();
      for (const about of await later.stop(STOP_GRACE_MS)) log(unsentReplyLine(about));
      // Whatever an aborted reply still waits for at the hub ends here.
      await hubLink.dispatcher.destroy();
    },
  };
}

function httpReceiver(options: SlackBotOptions, logger: ReturnType<typeof boltLogger>): Receiver {
  if (!options.signingSecret) throw new Error('the Slack bot over HTTP needs the signing secret');
  return new SignedHttpReceiver({ signingSecret: options.signingSecret, host: options.host ?? '127.0.0.1', port: options.port ?? 3000, logger });
}

function socketModeReceiver(options: SlackBotOptions, logger: ReturnType<typeof boltLogger>, slackApi: { slackApiUrl?: string }): Receiver {
  if (!options.appToken) throw new Error('the Slack bot in Socket Mode needs the app-level token');
  return new SocketModeReceiver({ appToken: options.appToken, logger, installerOptions: { clientOptions: slackApi } });
}
