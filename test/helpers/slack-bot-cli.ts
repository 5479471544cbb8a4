// `watchfloor bot` as a child process, the way it runs on a server: the built
// CLI with a bot token of its own on a real hub, Slack over HTTP, and the
// Slack API stand-in for Slack. Tests add the flags they exercise.
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';
import { cliEnv, startCliProcess, type CliEnv, type CliProcess } from './cli.js';
import { startSlackApi, type SlackApiStandIn } from './slack-api.js';

export interface SlackBotCli {
  hub: FixtureHub;
  slack: SlackApiStandIn;
  cli: CliEnv;
  /** Started: its value is the JSON line it printed once listening. */
  bot: CliProcess<{ slack: { url: string } }>;
  /** The bot's hub token (a bot's, officer). */
  botToken: string;
  /** Stops the bot, the stand-in and the hub, and removes the config directory. */
  stop(): Promise<void>;
}

/** `args`: the flags after `bot --json --port 0`, given the config directory (an outbox file may go there). */
export async function startSlackBotCli(args: (cli: CliEnv) => string[], secrets: { slackToken: string; signingSecret: string }): Promise<SlackBotCli> {
  const hub = await startFixtureHub();
  const slack = await startSlackApi();
  const botToken = (await hub.clientAs('officer', 'slack-bot', { bot: true })).secret;
  const cli = cliEnv({ WATCHFLOOR_HUB: hub.url });
  const bot = await startCliProcess(
    ['bot', '--json', '--port', '0', ...args(cli)],
    { ...cli.env, WATCHFLOOR_TOKEN: botToken, SLACK_BOT_TOKEN: secrets.slackToken, SLACK_SIGNING_SECRET: secrets.signingSecret, SLACK_API_URL: slack.url },
    (line) => ('slack' in line ? (line as { slack: { url: string } }) : undefined),
  );
  return {
    hub,
    slack,
    cli,
    bot,
    botToken,
    async stop() {
      await bot.stop();
      await slack.close();
      await hub.stop();
      cli.cleanup();
    },
  };
}
