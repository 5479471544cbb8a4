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
import type { ChatCard, HubEvent, Incident, Severity, Site } from '../../core/model.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import type { Lang } from '../../render/labels.js';
import { hubFailureReason, hubRefusedForGood } from '../hub-failures.js';
import { openOutbox, type Outbox } from '../outbox.js';
import { renderIncidentCard } from './blocks.js';
import { cardClaims, cardKey, claimMeta, claimOf, type HeldClaim } from './card-claims.js';
import { followHubEvents } from './notifier-follow.js';
import { atOrAbove, channelsFor, type IncidentCardRouting } from './notifier-routing.js';

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

// A card whose claim we hold but whose post is still in the outbox.
const POSTING = Symbol('posting');
// A card Slack refused for good (channel_not_found, …): not tried again until a restart.
const REFUSED = Symbol('refused');
type CardState = string | typeof POSTING | typeof REFUSED;

const RETRY_MS = 2_000;

export function startIncidentCards(options: IncidentCardsOptions): IncidentCards {
  const log = options.log ?? (() => {});
  const lang = options.lang ?? 'en';
  const minSeverity = options.minSeverity ?? 'sev2';
  const leaseMs = options.leaseMs ?? CARD_LEASE_MS.default;
  const claimant = options.instanceId ?? `slack-notifier-${randomUUID()}`;
  const client = new CoreClient({ hubUrl: options.hub.hubUrl, token: options.hub.token, channel: 'slack' });
  const abort = new AbortController();

  /** incident id → channel → the card's ts, or POSTING. */
  const cards = new Map<string, Map<string, CardState>>();
  /** The newest version of each incident seen, and the version each card (incident, channel) last got. */
  const latest = new Map<string, Incident>();
  const rendered = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  const retries = new Map<string, NodeJS.Timeout>();
  /** Cards another bot holds without a message yet: looked at again once its lease could have run out. */
  const watching = new Map<string, NodeJS.Timeout>();
  const sites = new Map<string, Site>();

  const claims = cardClaims({
    client,
    claimant,
    leaseMs,
    renewEveryMs: options.renewEveryMs ?? Math.floor(leaseMs / 3),
    log,
    onPosted: (claim, ts) => cardsOf(claim.incidentId).set(claim.channel, ts),
    onLost: (claim, card) => lost(claim, card),
  });

  const outbox = openOutbox(options.outboxFile, {
    token: options.slackToken,
    slackApiUrl: options.slackApiUrl,
    // A post starts within a fresh lease and must end well inside it.
    requestTimeoutMs: Math.min(10_000, Math.floor(leaseMs / 3)),
    baseBackoffMs: options.outboxBackoffMs?.base,
    maxBackoffMs: options.outboxBackoffMs?.max,
    log,
    beforePost: (job) => claims.gate(job),
    settle: (job, delivery) => claims.record(job, delivery),
    onDeadLetter: (job, reason) => {
      log(`incident cards: ${job.key} will not reach Slack: ${reason}`);
      const claim = claimOf(job);
      // A post Slack refused (not one whose record the hub refused: that message is out, and kept current).
      if (job.kind === 'post' && claim && !job.ts) {
        cardsOf(claim.incidentId).set(claim.channel, REFUSED);
        claims.release(claim.incidentId, claim.channel);
      }
    },
  });

  // Posts still on their way from before a restart: their claims are ours to renew, their cards ours to update.
  for (const job of [...outbox.pending(), ...outbox.settling()]) {
    const claim = job.kind === 'post' ? claimOf(job) : undefined;
    if (!claim) continue;
    if (job.state === 'pending') claims.hold(claim);
    cardsOf(claim.incidentId).set(claim.channel, job.ts ?? POSTING);
  }

  function cardsOf(incidentId: string): Map<string, CardState> {
    let byChannel = cards.get(incidentId);
    if (!byChannel) cards.set(incidentId, (byChannel = new Map()));
    return byChannel;
  }

  function remember(card: ChatCard): void {
    if (!card.target.startsWith('slack:') || !card.messageRef) return;
    cardsOf(card.incidentId).set(card.target.slice('slack:'.length), card.messageRef);
  }

  /** Another bot holds the card now: take what the hub said of it, and bring the card up to date from there. */
  function lost(claim: HeldClaim, card: ChatCard | undefined): void {
    const key = cardKey(claim.incidentId, claim.channel);
    outbox.drop(key);
    if (card?.messageRef) cardsOf(claim.incidentId).set(claim.channel, card.messageRef);
    else cardsOf(claim.incidentId).delete(claim.channel);
    rendered.delete(key);
    schedule(claim.incidentId);
  }

  /** Ask for the card again just after the holder's lease runs out (`remainingMs`), in case it stopped renewing. */
  function watch(incidentId: string, channel: string, remainingMs: number | null): void {
    const key = cardKey(incidentId, channel);
    if (watching.has(key) || abort.signal.aborted) return;
    // A little after, spread out, so that the bots watching one card do not all ask at the same moment.
    const delay = Math.min(remainingMs ?? leaseMs, CARD_LEASE_MS.max) + 100 + Math.random() * leaseMs * 0.1;
    const timer = setTimeout(() => {
      watching.delete(key);
      rendered.delete(key);
      schedule(incidentId);
    }, delay);
    watching.set(key, timer);
  }

  function unwatch(key: string): void {
    clearTimeout(watching.get(key));
    watching.delete(key);
  }

  async function siteOf(siteId: string | null): Promise<Site | undefined> {
    if (!siteId) return undefined;
    if (!sites.has(siteId)) for (const s of await client.listSites()) sites.set(s.id, s);
    return sites.get(siteId);
  }

  /** One card up to `message`: claim and post, update in place, or leave it to the bot that holds it. */
  async function syncCard(incident: Incident, channel: string, message: { key: string; channel: string; text: string; blocks: unknown[] }): Promise<void> {
    const byChannel = cardsOf(incident.id);
    const held = byChannel.get(channel);
    if (held === REFUSED) return;
    // Folded into the queued post, or sent behind it with its ts.
    if (held === POSTING) return void outbox.enqueue({ kind: 'update', ...message });
    if (held) return void outbox.enqueue({ kind: 'update', ts: held, ...message });
    const { claimed, card, mayBePosted, leaseRemainingMs } = await claims.claim(incident.id, channel);
    if (claimed) {
      unwatch(message.key);
      byChannel.set(channel, POSTING);
      const mayExistSince = mayBePosted ? Date.parse(card.firstClaimedAt) : undefined;
      outbox.enqueue({ kind: 'post', ...message, meta: claimMeta({ incidentId: incident.id, channel, generation: card.generation }), mayExistSince });
    } else if (card.messageRef) {
      // Another instance posted it: keep it current too.
      unwatch(message.key);
      byChannel.set(channel, card.messageRef);
      outbox.enqueue({ kind: 'update', ts: card.messageRef, ...message });
    } else {
      // Another instance holds the claim and is posting; if it stops renewing, the card is ours to post.
      watch(incident.id, channel, leaseRemainingMs);
    }
  }

  /** Bring the incident's cards up to its newest version. */
  async function sync(incidentId: string): Promise<void> {
    const incident = latest.get(incidentId);
    if (!incident) return;
    const byChannel = cardsOf(incidentId);
    // New cards only for live incidents at the threshold; cards already out follow the incident to the end.
    const wanted = incident.state !== 'resolved' && atOrAbove(incident.severity, minSeverity);
    if (!wanted && byChannel.size === 0) return;
    const channels = wanted ? channelsFor(options.routing, await siteOf(incident.siteId)) : [];
    const behind = [...new Set([...byChannel.keys(), ...channels])].filter((c) => (rendered.get(cardKey(incidentId, c)) ?? 0) < incident.version);
    if (behind.length === 0) return;
    const card = renderIncidentCard(incident, lang);
    for (const channel of behind) {
      const key = cardKey(incident.id, channel);
      await syncCard(incident, channel, { key, channel, text: card.text, blocks: card.body as unknown[] });
      rendered.set(key, incident.version);
    }
  }

  function schedule(incidentId: string): void {
    if (abort.signal.aborted) return;
    const previous = chains.get(incidentId) ?? Promise.resolve();
    const next = previous
      .then(() => sync(incidentId))
      .catch((e: unknown) => {
        // Refused for good (a token that is not a bot's, an incident gone): the next change tries again, not a timer.
        const forGood = hubRefusedForGood(e);
        log(`incident cards: ${incidentId}: ${hubFailureReason(e)}${forGood ? '' : '; retrying'}`);
        if (!forGood) retryLater(incidentId);
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
      claims.stop();
      for (const timer of [...retries.values(), ...watching.values()]) clearTimeout(timer);
      await following;
      await Promise.allSettled([...chains.values()]);
      await outbox.close();
      await client.close();
    },
  };
}
