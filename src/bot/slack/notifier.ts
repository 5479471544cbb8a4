// Live incident cards in Slack: follow the hub's events, and for incidents at
// or above a severity post one card per routed channel — claimed through the
// hub first, so two bot instances never post the same card — then update it
// in place as the incident changes, from chat, the CLI or the hub. Every
// message goes through the persistent outbox, so a Slack outage or a restart
// loses nothing; the event stream resumes and catches up, so a hub outage
// loses nothing either.
import { randomUUID } from 'node:crypto';
import { CoreClient } from '../../core/client.js';
import type { ChatCard, HubEvent, Incident, Severity, Site } from '../../core/model.js';
import type { Lang } from '../../render/labels.js';
import { openOutbox, type Delivery, type Outbox, type StoredJob } from '../outbox.js';
import { renderIncidentCard } from './blocks.js';
import { followHubEvents } from './notifier-follow.js';
import { atOrAbove, channelsFor, type IncidentCardRouting } from './notifier-routing.js';

export type { IncidentCardRouting } from './notifier-routing.js';

export interface IncidentCardsOptions {
  /** The hub and the bot's own token (officer: it claims cards). */
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

// A card whose claim we hold but whose post is still in the outbox.
const POSTING = Symbol('posting');
// A card Slack refused for good (channel_not_found, …): not tried again until a restart.
const REFUSED = Symbol('refused');
type CardState = string | typeof POSTING | typeof REFUSED;

const RETRY_MS = 2_000;

const targetOf = (channel: string) => `slack:${channel}`;
const cardKey = (incidentId: string, channel: string) => `card:${incidentId}:${channel}`;

export function startIncidentCards(options: IncidentCardsOptions): IncidentCards {
  const log = options.log ?? (() => {});
  const lang = options.lang ?? 'en';
  const minSeverity = options.minSeverity ?? 'sev2';
  const claimant = options.instanceId ?? `slack-notifier-${randomUUID()}`;
  const client = new CoreClient({ hubUrl: options.hub.hubUrl, token: options.hub.token, channel: 'slack' });
  const abort = new AbortController();

  /** incident id → channel → the card's ts, or POSTING. */
  const cards = new Map<string, Map<string, CardState>>();
  /** The newest version of each incident seen, and the version last rendered. */
  const latest = new Map<string, Incident>();
  const rendered = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  const retries = new Map<string, NodeJS.Timeout>();
  const sites = new Map<string, Site>();

  const outbox = openOutbox(options.outboxFile, {
    token: options.slackToken,
    slackApiUrl: options.slackApiUrl,
    baseBackoffMs: options.outboxBackoffMs?.base,
    maxBackoffMs: options.outboxBackoffMs?.max,
    log,
    onDelivered: (job, delivery) => delivered(job, delivery),
    onDeadLetter: (job, reason) => {
      log(`incident cards: ${job.key} will not reach Slack: ${reason}`);
      const incidentId = job.meta?.incidentId;
      if (job.kind === 'post' && incidentId) cardsOf(incidentId).set(job.channel, REFUSED);
    },
  });

  function cardsOf(incidentId: string): Map<string, CardState> {
    let byChannel = cards.get(incidentId);
    if (!byChannel) cards.set(incidentId, (byChannel = new Map()));
    return byChannel;
  }

  function remember(card: ChatCard): void {
    if (!card.target.startsWith('slack:') || !card.messageRef) return;
    cardsOf(card.incidentId).set(card.target.slice('slack:'.length), card.messageRef);
  }

  async function delivered(job: StoredJob, delivery: Delivery): Promise<void> {
    const incidentId = job.meta?.incidentId;
    if (job.kind !== 'post' || !incidentId) return;
    cardsOf(incidentId).set(delivery.channel, delivery.ts);
    // Until the hub knows the message, another instance could take the claim over after 30 s: keep trying.
    for (let attempt = 0; !abort.signal.aborted; attempt++) {
      try {
        await client.recordCard({ incidentId, target: targetOf(delivery.channel), messageRef: delivery.ts, claimant, generation: 1 });
        return;
      } catch (e) {
        if (attempt >= 20) return log(`incident cards: could not record the card of ${incidentId}: ${String(e)}`);
        await new Promise((r) => setTimeout(r, Math.min(5_000, 250 * 2 ** attempt)));
      }
    }
  }

  async function siteOf(siteId: string | null): Promise<Site | undefined> {
    if (!siteId) return undefined;
    if (!sites.has(siteId)) for (const s of await client.listSites()) sites.set(s.id, s);
    return sites.get(siteId);
  }

  /** Bring the incident's cards up to its newest version: claim and post, or update in place. */
  async function sync(incidentId: string): Promise<void> {
    const incident = latest.get(incidentId);
    if (!incident || (rendered.get(incidentId) ?? 0) >= incident.version) return;
    const byChannel = cardsOf(incidentId);
    // New cards only for live incidents at the threshold; cards already out follow the incident to the end.
    const wanted = incident.state !== 'resolved' && atOrAbove(incident.severity, minSeverity);
    if (!wanted && byChannel.size === 0) return;
    const card = renderIncidentCard(incident, lang);
    const channels = wanted ? channelsFor(options.routing, await siteOf(incident.siteId)) : [];
    for (const channel of new Set([...byChannel.keys(), ...channels])) {
      const key = cardKey(incident.id, channel);
      const message = { key, channel, text: card.text, blocks: card.body as unknown[] };
      const held = byChannel.get(channel);
      if (held === REFUSED) continue;
      if (held === POSTING) {
        // Folded into the queued post, or sent behind it with its ts.
        outbox.enqueue({ kind: 'update', ...message });
      } else if (held) {
        outbox.enqueue({ kind: 'update', ts: held, ...message });
      } else {
        const { claimed, card: claim } = await client.claimCard({ incidentId: incident.id, target: targetOf(channel), claimant });
        if (claimed) {
          byChannel.set(channel, POSTING);
          outbox.enqueue({ kind: 'post', ...message, meta: { incidentId: incident.id } });
        } else if (claim.messageRef) {
          // Another instance posted it: keep it current too.
          byChannel.set(channel, claim.messageRef);
          outbox.enqueue({ kind: 'update', ts: claim.messageRef, ...message });
        }
        // Otherwise another instance holds the claim and is posting; its card will follow the incident.
      }
    }
    rendered.set(incidentId, incident.version);
  }

  function schedule(incidentId: string): void {
    const previous = chains.get(incidentId) ?? Promise.resolve();
    const next = previous
      .then(() => sync(incidentId))
      .catch((e: unknown) => {
        log(`incident cards: ${incidentId}: ${e instanceof Error ? e.message : String(e)}; retrying`);
        retryLater(incidentId);
      })
      .finally(() => {
        if (chains.get(incidentId) === next) chains.delete(incidentId);
      });
    chains.set(incidentId, next);
  }

  function retryLater(incidentId: string): void {
    if (abort.signal.aborted || retries.has(incidentId)) return;
    retries.set(
      incidentId,
      setTimeout(() => {
        retries.delete(incidentId);
        schedule(incidentId);
      }, RETRY_MS),
    );
  }

  function seen(incident: Incident): void {
    const known = latest.get(incident.id);
    if (known && known.version >= incident.version) return;
    latest.set(incident.id, incident);
    schedule(incident.id);
  }

  function onEvent(event: HubEvent): void {
    if (event.type === 'incident.created' || event.type === 'incident.updated') seen(event.data as Incident);
  }

  // What no replay covers (a restarted hub, a restarted bot): the cards already
  // out, and the incidents as they stand now.
  async function catchUp(): Promise<void> {
    try {
      for (const card of await client.listCards()) remember(card);
      const recent = await client.listIncidents({ limit: options.catchUpLimit ?? 500 });
      for (const incident of recent.reverse()) seen(incident);
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
    outbox,
    async stop() {
      abort.abort();
      for (const timer of retries.values()) clearTimeout(timer);
      await following;
      await Promise.allSettled([...chains.values()]);
      await outbox.close();
      await client.close();
    },
  };
}
