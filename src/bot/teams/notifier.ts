// Live incident cards in Teams channels, as the Slack notifier posts them in
// Slack: the same event following and catch-up (cards/incident-feed.ts), the
// same claims through the hub (target `teams:<conversation id>`), lease
// renewals and persistent outbox (cards/card-posts.ts), so two bot instances
// post one card per incident and conversation between them and a restart or a
// Teams outage loses nothing. Teams differs only in how a card is drawn (an
// Adaptive Card, every outside string escaped by cards.ts) and sent
// (teams-chat.ts: proactive messages through the Bot Connector, updated in
// place by activity id). Playbook run cards stay Slack's for now; shift
// handovers posted with `--post teams:CONVERSATION` are cards here too.
import { randomUUID } from 'node:crypto';
import { teamsConversationOf } from '../../core/handover-rules.js';
import { cardPosts } from '../cards/card-posts.js';
import { handoverCards, isHandoverId } from '../cards/handover-cards.js';
import { incidentFeed } from '../cards/incident-feed.js';
import { notifierBasics, notifierHandle, type CardNotifier, type CardNotifierOptions } from '../cards/notifier-options.js';
import { renderIncidentAdaptiveCard } from './cards.js';
import { renderHandoverAdaptiveCard } from './handover-card.js';
import { teamsAuthentication, type TeamsRegistration } from './teams-auth.js';
import { teamsChat, type TeamsAuthentication } from './teams-chat.js';

/** The Bot Connector for the tenants Microsoft serves from its public cloud; a channel's activities name the one to use. */
export const DEFAULT_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export interface TeamsCardsOptions extends CardNotifierOptions, TeamsRegistration {
  /** Where the channels' conversations are (default DEFAULT_TEAMS_SERVICE_URL). */
  serviceUrl?: string | undefined;
  /** In place of the registration's own (tests: a Connector stand-in's token). */
  auth?: TeamsAuthentication | undefined;
}

export type TeamsCards = CardNotifier;

export function startTeamsCards(options: TeamsCardsOptions): TeamsCards {
  const { log, lang, leaseMs, renewEveryMs, client, abort } = notifierBasics(options, 'teams');
  const chat = teamsChat({
    appId: options.appId,
    auth: options.auth ?? teamsAuthentication(options),
    serviceUrl: options.serviceUrl ?? DEFAULT_TEAMS_SERVICE_URL,
    tenantId: options.tenantId,
    // A post starts within a fresh lease and must end well inside it.
    timeoutMs: Math.min(10_000, Math.floor(leaseMs / 3)),
  });

  const posts = cardPosts({
    client,
    platform: 'teams',
    chat,
    claimant: options.instanceId ?? `teams-notifier-${randomUUID()}`,
    outboxFile: options.outboxFile,
    leaseMs,
    renewEveryMs,
    outboxBackoffMs: options.outboxBackoffMs,
    log,
    sync: (subjectId) => (isHandoverId(subjectId) ? handovers.sync(subjectId) : feed.sync(subjectId)),
  });

  const handovers = handoverCards({
    client,
    posts,
    render: (h) => {
      const card = renderHandoverAdaptiveCard(h, lang);
      return { text: card.text, body: [card.body] };
    },
    placeOf: teamsConversationOf,
  });

  const feed = incidentFeed({
    client,
    posts,
    routing: options.routing,
    minSeverity: options.minSeverity ?? 'sev2',
    // The job's one "block" is the whole card: teams-chat.ts attaches it.
    render: (incident) => {
      const card = renderIncidentAdaptiveCard(incident, lang);
      return { text: card.text, body: [card.body] };
    },
    catchUpLimit: options.catchUpLimit ?? 500,
    firstCardWaitMs: options.firstCardWaitMs,
    reconnectBackoffMs: options.reconnectBackoffMs,
    signal: abort.signal,
    log,
    onOtherEvent: (event) => void handovers.onEvent(event),
    catchUpMore: () => handovers.catchUp(),
  });

  return notifierHandle({ abort, client, posts, feed });
}
