// What `watchfloor bot` needs from the chat bots (src/bot/launch.ts), which
// the entry hands it as a loader so Bolt and botbuilder load only in this
// command, each only when its platform starts. Kept structural, with plain
// values in (a file name, routes as typed), so src/commands imports nothing
// from src/bot; reading the identity map and the card routes is the bot's job.
import type { Severity } from '../../core/vocabulary.js';
import type { Lang } from '../../render/labels.js';
import type { SlackCredentials, TeamsCredentials } from './credentials.js';

/** The hub and the bot's own token; the hub caps it to each chat user's role. */
export interface BotHubAccess {
  hubUrl: string;
  token: string;
}

export interface ChatBotsSetup {
  /** YAML or JSON file mapping chat users to watchfloor names and roles; without one every chat user may only read. */
  identitiesFile: string | undefined;
  /** Live incident cards in Slack: the default channel id and `region:NAME=ID` / `kind:KIND=ID` routes, as typed. */
  cards: { channel: string; routes: readonly string[] } | undefined;
  /** Live incident cards in Teams: the default conversation id and routes, as typed. */
  teamsCards?: { conversation: string; routes: readonly string[] } | undefined;
}

export interface SlackStart extends SlackCredentials {
  socketMode: boolean;
  host?: string;
  port?: number;
  hub: BotHubAccess;
  slackApiUrl?: string;
  log: (line: string) => void;
}

export interface CardsStart {
  hub: BotHubAccess;
  slackToken: string;
  slackApiUrl?: string;
  outboxFile: string;
  minSeverity: Severity;
  lang: Lang;
  /** Names this bot in its card claims: stable across restarts, different for two bots. */
  instanceId: string;
  log: (line: string) => void;
}

export interface TeamsStart extends TeamsCredentials {
  host?: string;
  port?: number;
  hub: BotHubAccess;
  log: (line: string) => void;
}

export interface TeamsCardsStart extends TeamsCredentials {
  hub: BotHubAccess;
  /** The Bot Connector's base URL for the tenant (default Microsoft's public one). */
  serviceUrl?: string;
  outboxFile: string;
  minSeverity: Severity;
  lang: Lang;
  instanceId: string;
  log: (line: string) => void;
}

export interface RunningBot {
  stop(): Promise<void>;
}

export interface ChatBots {
  /** HTTP mode reports the events URL to give Slack. */
  startSlack(options: SlackStart): Promise<RunningBot & { url?: string }>;
  /** Only when the setup named a cards channel; reports the default channel as read. */
  startCards(options: CardsStart): Promise<RunningBot & { channel: string }>;
  startTeams(options: TeamsStart): Promise<RunningBot & { url: string }>;
  /** Only when the setup named a Teams conversation; reports it as read. */
  startTeamsCards(options: TeamsCardsStart): Promise<RunningBot & { conversation: string }>;
}

export interface ChatBotsModule {
  /** Reads the identity map and the card routes, so a bad one is a usage error before anything starts. */
  prepare(setup: ChatBotsSetup): ChatBots;
}
