// `bot`: the chat bots for Slack and/or Teams, whichever has credentials,
// until Ctrl-C. The bots come through deps.loadChatBots (Bolt and botbuilder
// load there, each when its platform starts), so no other command pays for
// them. This verb passes plain values; src/bot reads the identity map and routes.
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { SEVERITIES, type Severity } from '../../core/vocabulary.js';
import { action, type CommandContext } from '../context.js';
import type { Deps } from '../deps.js';
import { integerOption } from '../options.js';
import type { RunningBot } from './chat-bots-module.js';
import { botCredentials } from './credentials.js';

export interface BotOptions {
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
}

export async function runBot(options: BotOptions, ctx: CommandContext): Promise<void> {
  const connection = ctx.connection();
  const profile = ctx.deps.config.read().profiles?.[connection.profile] ?? {};
  const credentials = botCredentials(ctx.deps.env, profile, options.socketMode);
  // Read before anything starts, so a bad map or route is a usage error, not a half-started bot.
  const bots = (await ctx.deps.loadChatBots()).prepare({
    identitiesFile: options.identities,
    cards: options.cardsChannel ? { channel: options.cardsChannel, routes: options.cardsRoutes } : undefined,
  });
  if (!options.cardsChannel && options.cardsRoutes.length > 0) {
    throw new UsageError('--cards-route needs --cards-channel (the channel for incidents no route matches)');
  }
  if (!connection.token) {
    throw new UsageError(`no hub token for the bot: set WATCHFLOOR_TOKEN or store one in profile ${connection.profile} (\`watchfloor tokens create --name chat-bot --role officer\`)`);
  }
  const hub = { hubUrl: connection.hubUrl, token: connection.token };
  const log = (line: string): void => ctx.info(line);
  const slackApiUrl = ctx.deps.env.SLACK_API_URL;

  const running: RunningBot[] = [];
  const started: { slack?: { url?: string; socketMode: boolean; cards?: { outbox: string } }; teams?: { url: string } } = {};
  try {
    if (credentials.slack) {
      const slack = await bots.startSlack({
        ...credentials.slack,
        socketMode: options.socketMode,
        ...(options.host ? { host: options.host } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        hub,
        ...(slackApiUrl ? { slackApiUrl } : {}),
        log,
      });
      const { url } = slack;
      running.push(slack);
      started.slack = { ...(url ? { url } : {}), socketMode: options.socketMode };
      if (!ctx.globals.json) ctx.print(url ? `slack bot listening on ${url}` : 'slack bot connected over Socket Mode');
      if (options.cardsChannel) {
        const outboxFile = options.outbox ?? join(ctx.deps.config.dir, `slack-outbox-${connection.profile}.sqlite`);
        const cards = await bots.startCards({
          hub,
          slackToken: credentials.slack.botToken,
          ...(slackApiUrl ? { slackApiUrl } : {}),
          outboxFile,
          minSeverity: options.cardsMinSeverity,
          lang: ctx.globals.lang,
          // Stable across restarts (so it can finish its own claims) and
          // different for two bots, which cannot share one outbox file.
          instanceId: `${hostname()}:${outboxFile}`,
          log,
        });
        running.push(cards);
        started.slack.cards = { outbox: outboxFile };
        if (!ctx.globals.json) ctx.print(`incident cards (${options.cardsMinSeverity} and above) to ${cards.channel}; outbox ${outboxFile}`);
      }
    }
    if (credentials.teams) {
      const server = await bots.startTeams({
        ...credentials.teams,
        ...(options.host ? { host: options.host } : {}),
        ...(options.teamsPort !== undefined ? { port: options.teamsPort } : {}),
        hub,
        log,
      });
      running.push(server);
      started.teams = { url: server.url };
      if (!ctx.globals.json) ctx.print(`teams bot listening on ${server.url}`);
    }
    if (ctx.globals.json) ctx.printJson(started);
    await ctx.deps.waitForShutdown();
  } finally {
    for (const bot of running.reverse()) await bot.stop();
  }
}

interface CommandOptions {
  socketMode?: boolean;
  port?: number;
  host?: string;
  teamsPort?: number;
  identities?: string;
  cardsChannel?: string;
  cardsRoute: string[];
  cardsMinSeverity: Severity;
  outbox?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerBot(program: Command, deps: Deps): void {
  program
    .command('bot')
    .description('run the chat bot (Slack and/or Teams, whichever has credentials) until Ctrl-C')
    .option('--socket-mode', 'Slack over Socket Mode (SLACK_APP_TOKEN; no public URL needed)', false)
    .option('--port <port>', 'Slack over HTTP: port for /slack/events (default 3000; 0: any free port)', integerOption(0, 65535))
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--teams-port <port>', 'Teams: port for /api/messages (default 3978; 0: any free port)', integerOption(0, 65535))
    .option('--identities <file>', 'YAML or JSON map of chat users to watchfloor names and roles (unmapped users may only read)')
    .option('--cards-channel <channel-id>', 'Slack: post live incident cards, by default to this channel')
    .option('--cards-route <route>', 'Slack: cards of a region or site kind to another channel: region:Makkah=C0456ABCD, kind:sea=C0789ABCD (repeatable)', collect, [])
    .addOption(new Option('--cards-min-severity <sev>', 'Slack: cards for incidents at or above this severity').choices(SEVERITIES).default('sev2'))
    .option('--outbox <file>', 'Slack: the cards\' outbox file (default: beside the config, one per profile)')
    .action(
      action(deps, async (ctx, options: CommandOptions) => {
        const { socketMode, port, host, teamsPort, identities, cardsChannel, cardsRoute, cardsMinSeverity, outbox } = options;
        await runBot(
          { socketMode: socketMode === true, port, host, teamsPort, identities, cardsChannel, cardsRoutes: cardsRoute, cardsMinSeverity, outbox },
          ctx,
        );
      }),
    );
}
