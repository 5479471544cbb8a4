// Live incident cards in Slack: follow the hub's events, and for incidents at
// or above a severity post one card per routed channel — claimed through the
// hub first (card-claims.ts: a lease this bot renews while it still tries to
// post), so two bot instances never post the same card — then update it in
// place as the incident changes, from chat, the CLI or the hub. Every message
// goes through the persistent outbox, so a Slack outage or a restart loses
// nothing; the event stream resumes and catches up, so a hub outage loses
// nothing either. A card another bot holds is looked at again when its lease
// could have run out, so a bot that dies hands its cards to the others.
import { randomUUID } from 'node:crypto';
import { CoreClient } from '../../core/client.js';
import type { HubEvent, Incident, Severity, Site } from '../../core/model.js';
import { pagedOnItsOwn } from '../../core/incident-groups.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import type { Lang } from '../../render/labels.js';
import { hubFailureReason } from '../hub-failures.js';
import type { Outbox } from '../outbox.js';
import { renderIncidentCard } from './blocks.js';
import { cardKey } from './card-claims.js';
import { cardPosts } from './card-posts.js';
import { followHubEvents } from './notifier-follow.js';
import { atOrAbove, channelsFor, type IncidentCardRouting } from './notifier-routing.js';
import { isRunId, runCards } from './run-cards.js';

export type { IncidentCardRouting } from './notifier-routing.js';

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
  const minSeverity = options.minSeverity ?? 'sev2';
  const leaseMs = options.leaseMs ?? CARD_LEASE_MS.default;
  const client = new CoreClient({ hubUrl: options.hub.hubUrl, token: options.hub.token, channel: 'slack' });
  const abort = new AbortController();

  /** The newest version of each incident seen. */
  const latest = new Map<string, Incident>();
  const sites = new Map<string, Site>();

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
    sync: (subjectId) => (isRunId(subjectId) ? runs.sync(subjectId) : sync(subjectId)),
  });

  async function siteOf(siteId: string | null): Promise<Site | undefined> {
    if (!siteId) return undefined;
    if (!sites.has(siteId)) for (const s of await client.listSites()) sites.set(s.id, s);
    return sites.get(siteId);
  }

  const runs = runCards({ client, posts, lang, log, routing: options.routing, siteOf });

  /** Bring the incident's cards up to its newest version. */
  async function sync(incidentId: string): Promise<void> {
    const incident = latest.get(incidentId);
    if (!incident) return;
    const posted = posts.channelsOf(incidentId);
    // New cards only for live incidents at the threshold, and never for a child: its parent's card counts it.
    // Cards already out (a child paged before its cause was known) follow the incident to the end.
    const wanted = incident.state !== 'resolved' && atOrAbove(incident.severity, minSeverity) && pagedOnItsOwn(incident);
    if (!wanted && posted.length === 0) return;
    const channels = wanted ? channelsFor(options.routing, await siteOf(incident.siteId)) : [];
    const stamp = String(incident.version);
    const behind = [...new Set([...posted, ...channels])].filter((c) => !posts.isCurrent(cardKey(incidentId, c), stamp));
    if (behind.length === 0) return;
    const proposals = await proposalsOf(incident);
    const card = renderIncidentCard(incident, lang, proposals);
    for (const channel of behind) {
      await posts.sync(incident.id, channel, { key: cardKey(incident.id, channel), channel, text: card.text, blocks: card.body as unknown[] }, stamp);
    }
  }

  /** The playbooks the hub proposes for a live incident: its card offers to run them. */
  async function proposalsOf(incident: Incident): Promise<string[]> {
    if (incident.state === 'resolved') return [];
    try {
      return (await client.incidentPlaybooks(incident.id)).map((p) => p.playbook.id);
    } catch (e) {
      log(`incident cards: the playbooks of ${incident.id}: ${hubFailureReason(e)}`);
      return [];
    }
  }

  function seen(incident: Incident): void {
    const known = latest.get(incident.id);
    if (known && known.version >= incident.version) return;
    latest.set(incident.id, incident);
    posts.schedule(incident.id);
  }

  function onEvent(event: HubEvent): void {
    if (event.type === 'incident.created' || event.type === 'incident.updated') seen(event.data as Incident);
    else runs.onEvent(event);
  }

  // What no replay covers (a restarted hub, a restarted bot): the cards already
  // out, and the incidents and runs as they stand now.
  async function catchUp(): Promise<void> {
    try {
      for (const card of await client.listCards()) posts.remember(card);
      const recent = await client.listIncidents({ limit: options.catchUpLimit ?? 500 });
      for (const incident of recent.reverse()) seen(incident);
      await runs.catchUp();
    } catch (e) {
      log(`incident cards: catching up failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const following = followHubEvents(client, {
    signal: abort.signal,
    minBackoffMs: options.reconnectBackoffMs?.min,
    maxBackoffMs: options.reconnectBackoffMs?.max,
    onEvent,
    onOpen: () => void catchUp(),
    onError: (e) => log(`incident cards: event stream: ${e instanceof Error ? e.message : String(e)}; reconnecting`),
  });

  return {
    outbox: posts.outbox,
    async stop() {
      abort.abort();
      await following;
      await posts.stop();
      await client.close();
    },
  };
}
