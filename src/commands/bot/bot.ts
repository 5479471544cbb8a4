// `bot`: the chat bots for Slack and/or Teams, whichever has credentials,
// until Ctrl-C. The bots come through deps.loadChatBots (Bolt and botbuilder
// load there, each when its platform starts), so no other command pays for
// them. This verb passes plain values; src/bot reads the identity map and routes.
import { completeFiles } from '../completion/dynamic.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/vocabulary.js';
import type { VerbContext } from '../context.js';
import { integerOption } from '../options.js';
import { defineVerb } from '../verb.js';
import type { RunningBot } from './chat-bots-module.js';
import { botCredentials } from './credentials.js';
import { startedPresenter, type BotEvent, type StartedBots } from './started.js';

export interface BotInput {
  socketMode: boolean;
  port: number | undefined;
  host: string | undefined;
  teamsPort: number | undefined;
  /** YAML or JSON file mapping chat users to watchfloor names and roles. */
  identities: string | undefined;
  /** Live incident cards in Slack: the default channel id (no cards without it). */
  cardsChannel: string | undefined;
  /** `region:NAME=CHANNEL_ID` / `kind:KIND=CHANNEL_ID`. */
  cardsRoutes: string[];
  cardsMinSeverity: Severity;
  /** The cards' persistent outbox (default: beside the config file, one per profile). */
  outbox: string | undefined;
  /** Live incident cards in Teams: the default conversation id (no Teams cards without it). */
  teamsCardsConversation: string | undefined;
  teamsCardsRoutes: string[];
  /** The Bot Connector's base URL for the tenant (the serviceUrl of the activities Teams sends the bot). */
  teamsServiceUrl: string | undefined;
}

interface BotOptions {
  socketMode?: boolean;
  port?: number;
  host?: string;
  teamsPort?: number;
  identities?: string;
  cardsChannel?: string;
  cardsRoute: string[];
  cardsMinSeverity: Severity;
  outbox?: string;
  teamsCardsConversation?: string;
  teamsCardsRoute: string[];
  teamsServiceUrl?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runBot(input: BotInput, ctx: VerbContext<BotEvent>): Promise<void> {
  const connection = ctx.connection();
  const profile = ctx.deps.config.read().profiles?.[connection.profile] ?? {};
  const credentials = botCredentials(ctx.deps.env, profile, input.socketMode);
  // Read before anything starts, so a bad map or route is a usage error, not a half-started bot.
  const bots = (await ctx.deps.loadChatBots()).prepare({
    identitiesFile: input.identities,
    cards: input.cardsChannel ? { channel: input.cardsChannel, routes: input.cardsRoutes } : undefined,
    teamsCards: input.teamsCardsConversation ? { conversation: input.teamsCardsConversation, routes: input.teamsCardsRoutes } : undefined,
  });
  if (!input.cardsChannel && input.cardsRoutes.length > 0) {
    throw new UsageError('--cards-route needs --cards-channel (the channel for incidents no route matches)');
  }
  if (!input.teamsCardsConversation && input.teamsCardsRoutes.length > 0) {
    throw new UsageError('--teams-cards-route needs --teams-cards-conversation (the conversation for incidents no route matches)');
  }
  if (input.teamsServiceUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(input.teamsServiceUrl)) {
    throw new UsageError(`--teams-service-url: "${input.teamsServiceUrl}" is not an http(s) URL`, { hint: 'the serviceUrl of the activities Teams sends the bot, e.g. https://smba.trafficmanager.net/emea/' });
  }
  if (input.teamsCardsConversation && !credentials.teams) {
    throw new UsageError('--teams-cards-conversation needs the Teams bot: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD (and MICROSOFT_APP_TENANT_ID)');
  }
  if (!connection.token) {
    throw new UsageError(`no hub token for the bot: set WATCHFLOOR_TOKEN or store one in profile ${connection.profile} (\`watchfloor tokens create --name chat-bot --role officer --bot\`)`);
  }
  const hub = { hubUrl: connection.hubUrl, token: connection.token };
  const log = (line: string): void => ctx.info(line);
  const slackApiUrl = ctx.deps.env.SLACK_API_URL;

  /** What both platforms' incident cards are started with: the outbox, and a claimant named after it. */
  const cardsCommon = (outboxFile: string) => ({
    hub,
    outboxFile,
    minSeverity: input.cardsMinSeverity,
    lang: ctx.globals.lang,
    // Stable across restarts (so it can finish its own claims) and
    // different for two bots, which cannot share one outbox file.
    instanceId: `${hostname()}:${outboxFile}`,
    log,
  });

  const running: RunningBot[] = [];
  const started: StartedBots = {};
  try {
    if (credentials.slack) {
      const slack = await bots.startSlack({
        ...credentials.slack,
        socketMode: input.socketMode,
        ...(input.host ? { host: input.host } : {}),
        ...(input.port !== undefined ? { port: input.port } : {}),
        hub,
        ...(slackApiUrl ? { slackApiUrl } : {}),
        log,
      });
      running.push(slack);
      started.slack = { ...(slack.url ? { url: slack.url } : {}), socketMode: input.socketMode };
      ctx.emit({ type: 'slack', ...started.slack });
      if (input.cardsChannel) {
        const outboxFile = input.outbox ?? join(ctx.deps.config.dir, `slack-outbox-${connection.profile}.sqlite`);
        const cards = await bots.startCards({
          ...cardsCommon(outboxFile),
          slackToken: credentials.slack.botToken,
          ...(slackApiUrl ? { slackApiUrl } : {}),
        });
        running.push(cards);
        started.slack.cards = { outbox: outboxFile };
        ctx.emit({ type: 'cards', channel: cards.channel, minSeverity: input.cardsMinSeverity, outbox: outboxFile });
      }
    }
    if (credentials.teams) {
      const teams = await bots.startTeams({
        ...credentials.teams,
        ...(input.host ? { host: input.host } : {}),
        ...(input.teamsPort !== undefined ? { port: input.teamsPort } : {}),
        hub,
        log,
      });
      running.push(teams);
      started.teams = { url: teams.url };
      ctx.emit({ type: 'teams', url: teams.url });
      if (input.teamsCardsConversation) {
        const outboxFile = join(ctx.deps.config.dir, `teams-outbox-${connection.profile}.sqlite`);
        const cards = await bots.startTeamsCards({
          ...cardsCommon(outboxFile),
          ...credentials.teams,
          ...(input.teamsServiceUrl ? { serviceUrl: input.teamsServiceUrl } : {}),
        });
        running.push(cards);
        started.teams.cards = { outbox: outboxFile };
        ctx.emit({ type: 'teams-cards', conversation: cards.conversation, minSeverity: input.cardsMinSeverity, outbox: outboxFile });
      }
    }
    ctx.emit({ type: 'started', started });
    await ctx.deps.waitForShutdown();
  } finally {
    for (const bot of running.reverse()) await bot.stop();
  }
}

export const bot = defineVerb({
  name: 'bot',
  description: 'run the chat bot (Slack and/or Teams, whichever has credentials) until Ctrl-C',
  // Starts a chat bot (Slack, Teams) inside this one, until stopped.
  metadata: {
    examples: ['bot --socket-mode', 'bot --identities people.yaml --cards-channel C0123ABCD', 'bot --port 3000 --cards-route region:Makkah=C0456ABCD'],
    refusedInChat: { en: "it runs a chat bot until stopped; start it on the bot's host", ar: 'يشغّل بوت محادثة حتى يُوقف؛ شغّله على جهاز البوت' },
  },
  configure(command) {
    command
      .option('--socket-mode', 'Slack over Socket Mode (SLACK_APP_TOKEN; no public URL needed)', false)
      .option('--port <port>', 'Slack over HTTP: port for /slack/events (default 3000; 0: any free port)', integerOption(0, 65535))
      .option('--host <host>', 'address to listen on (default 127.0.0.1)')
      .option('--teams-port <port>', 'Teams: port for /api/messages (default 3978; 0: any free port)', integerOption(0, 65535))
      .addOption(completeFiles(new Option('--identities <file>', 'YAML or JSON map of chat users to watchfloor names and roles (unmapped users may only read)')))
      .option('--cards-channel <channel-id>', 'Slack: post live incident cards, by default to this channel')
      .option('--cards-route <route>', 'Slack: cards of a region or site kind to another channel, approval requests of a role too: region:Makkah=C0456ABCD, kind:sea=C0789ABCD, role:supervisor=C0ABCDEF1 (repeatable)', collect, [])
      .addOption(new Option('--cards-min-severity <sev>', 'Slack and Teams: cards for incidents at or above this severity').choices(SEVERITIES).default('sev2'))
      .addOption(completeFiles(new Option('--outbox <file>', 'Slack: the cards\' outbox file (default: beside the config, one per profile)')))
      .option('--teams-cards-conversation <id>', 'Teams: post live incident cards, by default to this channel (its conversation id, 19:…@thread.tacv2)')
      .option('--teams-cards-route <route>', 'Teams: cards of a region or site kind to another channel: region:Makkah=19:…@thread.tacv2, kind:sea=19:…@thread.tacv2 (repeatable)', collect, [])
      .option('--teams-service-url <url>', 'Teams: the Bot Connector URL of your tenant (default https://smba.trafficmanager.net/teams/)');
  },
  input: (_args: [], o: BotOptions): BotInput => ({
    socketMode: o.socketMode === true,
    port: o.port,
    host: o.host,
    teamsPort: o.teamsPort,
    identities: o.identities,
    cardsChannel: o.cardsChannel,
    cardsRoutes: o.cardsRoute,
    cardsMinSeverity: o.cardsMinSeverity,
    outbox: o.outbox,
    teamsCardsConversation: o.teamsCardsConversation,
    teamsCardsRoutes: o.teamsCardsRoute,
    teamsServiceUrl: o.teamsServiceUrl,
  }),
  run: runBot,
  present: startedPresenter,
});
