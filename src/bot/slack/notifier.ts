// Live incident cards in Slack: follow the hub's events, and for incidents at
// or above a severity post one card per routed channel — claimed through the
// hub first (card-claims.ts: a lease this bot renews while it still tries to
// post), so two bot instances never post the same card — then update it in
// place as the incident changes, from chat, the CLI or the hub. Every message
// goes through the persistent outbox, so a Slack outage or a restart loses
// nothing; the event stream resumes and catches up, so a hub outage loses
// nothing either (cards/incident-feed.ts, which Teams shares). A card another bot holds is looked at again when its lease
// could have run out, so a bot that dies hands its cards to the others.
// Shift handovers posted with `--post` are cards here too (cards/handover-cards.ts).
import { randomUUID } from 'node:crypto';
import { teamsConversationOf } from '../../core/handover-rules.js';
import { renderIncidentCard } from './blocks.js';
import { renderHandoverCard } from './handover-card.js';
import { cardPosts } from '../cards/card-posts.js';
import { handoverCards, isHandoverId } from '../cards/handover-cards.js';
import { incidentFeed } from '../cards/incident-feed.js';
import { notifierBasics, notifierHandle, type CardNotifier, type CardNotifierOptions } from '../cards/notifier-options.js';
import { isRunId, runCards } from './run-cards.js';

export type { IncidentCardRouting } from '../cards/routing.js';

export interface IncidentCardsOptions extends CardNotifierOptions {
  /** The bot token (xoxb-…) the outbox posts with. */
  slackToken: string;
  /** Slack's Web API base (default https://slack.com/api/); tests point it at a stand-in. */
  slackApiUrl?: string | undefined;
}

export type IncidentCards = CardNotifier;

export function startIncidentCards(options: IncidentCardsOptions): IncidentCards {
  const { log, lang, leaseMs, renewEveryMs, client, abort } = notifierBasics(options, 'slack');

  const posts = cardPosts({
    client,
    claimant: options.instanceId ?? `slack-notifier-${randomUUID()}`,
    slackToken: options.slackToken,
    slackApiUrl: options.slackApiUrl,
    outboxFile: options.outboxFile,
    leaseMs,
    renewEveryMs,
    outboxBackoffMs: options.outboxBackoffMs,
    log,
    sync: (subjectId) => (isRunId(subjectId) ? runs.sync(subjectId) : isHandoverId(subjectId) ? handovers.sync(subjectId) : feed.sync(subjectId)),
  });

  const runs = runCards({ client, posts, lang, log, routing: options.routing, siteOf: (siteId) => feed.siteOf(siteId) });
  const handovers = handoverCards({
    client,
    posts,
    render: (h) => renderHandoverCard(h, lang),
    placeOf: (post) => (teamsConversationOf(post) === undefined ? post : undefined),
  });

  const feed = incidentFeed({
    client,
    posts,
    routing: options.routing,
    minSeverity: options.minSeverity ?? 'sev2',
    render: (incident, proposals) => {
      const card = renderIncidentCard(incident, lang, proposals);
      return { text: card.text, body: card.body as unknown[] };
    },
    catchUpLimit: options.catchUpLimit ?? 500,
    firstCardWaitMs: options.firstCardWaitMs,
    reconnectBackoffMs: options.reconnectBackoffMs,
    signal: abort.signal,
    log,
    onOtherEvent: (event) => void (handovers.onEvent(event) || runs.onEvent(event)),
    catchUpMore: async () => {
      await runs.catchUp();
      await handovers.catchUp();
    },
  });

  return notifierHandle({ abort, client, posts, feed });
}
