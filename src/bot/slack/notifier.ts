// Live incident cards in Slack: follow the hub's events, and for incidents at
// or above a severity post one card per routed channel — claimed through the
// hub first (card-claims.ts: a lease this bot renews while it still tries to
// post), so two bot instances never post the same card — then update it in
// place as the incident changes, from chat, the CLI or the hub. Every message
// goes through the persistent outbox, so a Slack outage or a restart loses
// nothing; the event stream resumes and catches up, so a hub outage loses
// nothing either (cards/incident-feed.ts, which Teams shares). A card another bot holds is looked at again when its lease
// could have run out, so a bot that dies hands its cards to the others.
import { randomUUID } from 'node:crypto';
import { CoreClient } from '../../core/client.js';
import type { Severity } from '../../core/model.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import type { Lang } from '../../render/labels.js';
import type { Outbox } from '../outbox.js';
import { renderIncidentCard } from './blocks.js';
import { cardPosts } from '../cards/card-posts.js';
import { incidentFeed } from '../cards/incident-feed.js';
import type { IncidentCardRouting } from '../cards/routing.js';
import { isRunId, runCards } from './run-cards.js';

export type { IncidentCardRouting } from '../cards/routing.js';

export interface IncidentCardsOptions {
  /** The hub and the bot's own token (a bot's, --bot: it claims cards). */
  hub: { hubUrl: string; token: string };
  /** The bot token (xoxb-…) the outbox posts with. */
  slackToken: string;
  /** Slack's Web API base (default https://slack.com/api/); tests point it at a stand-in. */
  slackApiUrl?: string | undefined;
  /** The outbox's SQLite file (`:memory:` only in tests: it would not survive a restart). */
  outboxFile: string;
  routing: IncidentCardRouting;
  /** Cards for incidents at or above this severity (default sev2). */
  minSeverity?: Severity | undefined;
  lang?: Lang | undefined;
  /** Names this bot instance in its card claims; stable across restarts so it can finish its own claims. */
  instanceId?: string | undefined;
  /** How many recent incidents a catch-up lists (default 500). */
  catchUpLimit?: number | undefined;
  /** A card claim's lease (default 30 s); renewed every `renewEveryMs` (default a third of it) while its post is on its way. */
  leaseMs?: number | undefined;
  renewEveryMs?: number | undefined;
  /** Event-stream reconnect backoff (tests shorten it). */
  reconnectBackoffMs?: { min: number; max: number } | undefined;
  /** Outbox retry timing (tests shorten it). */
  outboxBackoffMs?: { base: number; max: number } | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface IncidentCards {
  /** The outbox the cards go through (pending and dead letters, for status and tests). */
  readonly outbox: Outbox;
  stop(): Promise<void>;
}

export function startIncidentCards(options: IncidentCardsOptions): IncidentCards {
  const log = options.log ?? (() => {});
  const lang = options.lang ?? 'en';
  const leaseMs = options.leaseMs ?? CARD_LEASE_MS.default;
  const client = new CoreClient({ hubUrl: options.hub.hubUrl, token: options.hub.token, channel: 'slack' });
  const abort = new AbortController();

  const posts = cardPosts({
    client,
    claimant: options.instanceId ?? `slack-notifier-${randomUUID()}`,
    slackToken: options.slackToken,
    slackApiUrl: options.slackApiUrl,
    outboxFile: options.outboxFile,
    leaseMs,
    renewEveryMs: options.renewEveryMs ?? Math.floor(leaseMs / 3),
    outboxBackoffMs: options.outboxBackoffMs,
    log,
    sync: (subjectId) => (isRunId(subjectId) ? runs.sync(subjectId) : feed.sync(subjectId)),
  });

  const runs = runCards({ client, posts, lang, log, routing: options.routing, siteOf: (siteId) => feed.siteOf(siteId) });

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
    reconnectBackoffMs: options.reconnectBackoffMs,
    signal: abort.signal,
    log,
    onOtherEvent: (event) => runs.onEvent(event),
    catchUpMore: () => runs.catchUp(),
  });

  return {
    outbox: posts.outbox,
    async stop() {
      abort.abort();
      await feed.following;
      await posts.stop();
      await client.close();
    },
  };
}
