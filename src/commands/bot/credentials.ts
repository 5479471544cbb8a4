// The chat platforms' secrets: the environment first (what a service manager
// injects), then the profile (`watchfloor config set slackBotToken …`). A
// platform starts when its first credential is there; one that is half
// configured is a usage error naming what is missing.
import { UsageError } from '../../core/errors.js';
import type { Profile } from '../config/store.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface SlackCredentials {
  botToken: string;
  /** HTTP mode. */
  signingSecret?: string;
  /** Socket Mode. */
  appToken?: string;
}

export interface TeamsCredentials {
  appId: string;
  appPassword: string;
  tenantId?: string;
}

export interface BotCredentials {
  slack?: SlackCredentials;
  teams?: TeamsCredentials;
}

export function botCredentials(env: Env, profile: Profile, socketMode: boolean): BotCredentials {
  const pick = (variable: string, key: keyof Profile): string | undefined => env[variable]?.trim() || profile[key]?.trim() || undefined;
  const need = (variable: string, key: keyof Profile, why: string): string => {
    const value = pick(variable, key);
    if (!value) throw new UsageError(`${variable} is not set (${why}); set it in the environment or with \`watchfloor config set ${key} …\``);
    return value;
  };

  const credentials: BotCredentials = {};
  const botToken = pick('SLACK_BOT_TOKEN', 'slackBotToken');
  if (botToken) {
    credentials.slack = socketMode
      ? { botToken, appToken: need('SLACK_APP_TOKEN', 'slackAppToken', 'Socket Mode needs the app-level token, xapp-…') }
      : { botToken, signingSecret: need('SLACK_SIGNING_SECRET', 'slackSigningSecret', "Slack's HTTP requests are verified with it; or use --socket-mode") };
  } else if (socketMode) {
    need('SLACK_BOT_TOKEN', 'slackBotToken', '--socket-mode starts the Slack bot, which needs its bot token, xoxb-…');
  }
  const appId = pick('MICROSOFT_APP_ID', 'teamsAppId');
  if (appId) {
    const tenantId = pick('MICROSOFT_APP_TENANT_ID', 'teamsTenantId');
    credentials.teams = {
      appId,
      appPassword: need('MICROSOFT_APP_PASSWORD', 'teamsAppPassword', "the Teams bot's client secret"),
      ...(tenantId ? { tenantId } : {}),
    };
  }
  if (!credentials.slack && !credentials.teams) {
    throw new UsageError('SLACK_BOT_TOKEN is not set (nor MICROSOFT_APP_ID for Teams): no chat platform to start; see "Connect to Slack" in the README');
  }
  return credentials;
}
