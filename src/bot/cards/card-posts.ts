// Live cards in a chat platform (Slack, Teams), whatever they show (an
// incident, a playbook run): one message per subject and channel, claimed through the hub first
// (card-claims.ts: a lease this bot renews while it still tries to post), so
// two bot instances never post the same card, then updated in place. Every
// message goes through the persistent outbox, so a Slack outage or a restart
// loses nothing (the platform is the outbox's chat client: Slack's WebClient,
// or teams/teams-chat.ts over the Bot Connector). A card another bot holds is looked at again when its lease
// could have run out, so a bot that dies hands its cards to the others.
// Each subject's syncs run one after another; one that fails for a while is
// tried again on a timer.
import type { CoreClient } from '../../core/client.js';
import type { ChatCard } from '../../core/model.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import { hubFailureReason, hubRefusedForGood } from '../hub-failures.js';
import { openOutbox, type Outbox, type SlackChat } from '../outbox.js';
import { cardClaims, cardKey, claimMeta, claimOf, type CardPlatform, type HeldClaim } from './card-claims.js';

export interface CardMessage {
  key: string;
  channel: string;
  text: string;
  blocks: unknown[];
}

export interface CardPostsOptions {
  client: CoreClient;
  /** Where the cards live (the prefix of their claims' targets); default slack. */
  platform?: CardPlatform | undefined;
  claimant: string;
  /** Slack: the bot token the outbox's WebClient posts with. */
  slackToken?: string | undefined;
  slackApiUrl?: string | undefined;
  /** Another platform's chat calls in the outbox's terms (teams/teams-chat.ts); replaces Slack's WebClient. */
  chat?: SlackChat | undefined;
  outboxFile: string;
  leaseMs: number;
  renewEveryMs: number;
  outboxBackoffMs?: { base: number; max: number } | undefined;
  log: (line: string) => void;
  /** Bring a subject's cards up to date (an incident's, a run's): called one at a time per subject. */
  sync(subjectId: string): Promise<void>;
}

// A card whose claim we hold but whose post is still in the outbox.
const POSTING = Symbol('posting');
// A card Slack refused for good (channel_not_found, …): not tried again until a restart.
const REFUSED = Symbol('refused');
type CardState = string | typeof POSTING | typeof REFUSED;

const RETRY_MS = 2_000;

export function cardPosts(options: CardPostsOptions) {
  const { client, leaseMs, log } = options;
  const platform = options.platform ?? 'slack';
  const stopped = new AbortController();
  /** subject id → channel → the card's ts, or POSTING. */
  const cards = new Map<string, Map<string, CardState>>();
  /** What each card (subject, channel) was last sent as: a version, or the message itself. */
  const rendered = new Map<string, string>();
  const chains = new Map<string, Promise<void>>();
  const retries = new Map<string, NodeJS.Timeout>();
  /** Cards another bot holds without a message yet: looked at again once its lease could have run out. */
  const watching = new Map<string, NodeJS.Timeout>();

  const claims = cardClaims({
    client,
    platform,
    claimant: options.claimant,
    leaseMs,
    renewEveryMs: options.renewEveryMs,
    log,
    onPosted: (claim, ts) => cardsOf(claim.incidentId).set(claim.channel, ts),
    onLost: (claim, card) => lost(claim, card),
  });

  const outbox: Outbox = openOutbox(options.outboxFile, {
    token: options.slackToken,
    slackApiUrl: options.slackApiUrl,
    client: options.chat,
    // A post starts within a fresh lease and must end well inside it.
    requestTimeoutMs: Math.min(10_000, Math.floor(leaseMs / 3)),
    baseBackoffMs: options.outboxBackoffMs?.base,
    maxBackoffMs: options.outboxBackoffMs?.max,
    log,
    beforePost: (job) => claims.gate(job),
    settle: (job, delivery) => claims.record(job, delivery),
    onDeadLetter: (job, reason) => {
      log(`cards: ${job.key} will not reach ${platform === 'teams' ? 'Teams' : 'Slack'}: ${reason}`);
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

  function cardsOf(subjectId: string): Map<string, CardState> {
    let byChannel = cards.get(subjectId);
    if (!byChannel) cards.set(subjectId, (byChannel = new Map()));
    return byChannel;
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
  function watch(subjectId: string, channel: string, remainingMs: number | null): void {
    const key = cardKey(subjectId, channel);
    if (watching.has(key) || stopped.signal.aborted) return;
    // A little after, spread out, so that the bots watching one card do not all ask at the same moment.
    const delay = Math.min(remainingMs ?? leaseMs, CARD_LEASE_MS.max) + 100 + Math.random() * leaseMs * 0.1;
    const timer = setTimeout(() => {
      watching.delete(key);
      rendered.delete(key);
      schedule(subjectId);
    }, delay);
    watching.set(key, timer);
  }

  function unwatch(key: string): void {
    clearTimeout(watching.get(key));
    watching.delete(key);
  }

  /**
   * One card up to `message`: claim and post, update in place, or leave it to
   * the bot that holds it. `channel` names the place the claim is for: the
   * channel id, or `C…#slot` for a message of its own in that channel (a run's
   * notification); the message goes to `message.channel`.
   */
  async function syncCard(subjectId: string, channel: string, message: CardMessage): Promise<void> {
    const byChannel = cardsOf(subjectId);
    const held = byChannel.get(channel);
    if (held === REFUSED) return;
    // Folded into the queued post, or sent behind it with its ts.
    if (held === POSTING) return void outbox.enqueue({ kind: 'update', ...message });
    if (held) return void outbox.enqueue({ kind: 'update', ts: held, ...message });
    const { claimed, card, mayBePosted, leaseRemainingMs } = await claims.claim(subjectId, channel);
    if (claimed) {
      unwatch(message.key);
      byChannel.set(channel, POSTING);
      const mayExistSince = mayBePosted ? Date.parse(card.firstClaimedAt) : undefined;
      outbox.enqueue({ kind: 'post', ...message, meta: claimMeta({ incidentId: subjectId, channel, generation: card.generation }), mayExistSince });
    } else if (card.messageRef) {
      // Another instance posted it: keep it current too.
      unwatch(message.key);
      byChannel.set(channel, card.messageRef);
      outbox.enqueue({ kind: 'update', ts: card.messageRef, ...message });
    } else {
      // Another instance holds the claim and is posting; if it stops renewing, the card is ours to post.
      watch(subjectId, channel, leaseRemainingMs);
    }
  }

  function schedule(subjectId: string): void {
    if (stopped.signal.aborted) return;
    const previous = chains.get(subjectId) ?? Promise.resolve();
    const next = previous
      .then(() => options.sync(subjectId))
      .catch((e: unknown) => {
        // Refused for good (a token that is not a bot's, a subject gone): the next change tries again, not a timer.
        const forGood = hubRefusedForGood(e);
        log(`cards: ${subjectId}: ${hubFailureReason(e)}${forGood ? '' : '; retrying'}`);
        if (!forGood) retryLater(subjectId);
      })
      .finally(() => {
        if (chains.get(subjectId) === next) chains.delete(subjectId);
      });
    chains.set(subjectId, next);
  }

  function retryLater(subjectId: string): void {
    if (stopped.signal.aborted || retries.has(subjectId)) return;
    retries.set(
      subjectId,
      setTimeout(() => {
        retries.delete(subjectId);
        schedule(subjectId);
      }, RETRY_MS),
    );
  }

  return {
    outbox,
    schedule,
    /** The places a subject has a card in (posted, or on its way): channel ids, and `C…#slot` for a one-off message. */
    channelsOf: (subjectId: string): string[] => [...(cards.get(subjectId)?.keys() ?? [])],
    /** Whether this subject has a card in this place (posted, on its way, or refused for good). */
    has: (subjectId: string, place: string): boolean => cards.get(subjectId)?.has(place) === true,
    /** A card the hub knows of (a catch-up): updates go to its message. */
    remember(card: ChatCard): void {
      if (!card.target.startsWith(`${platform}:`) || !card.messageRef) return;
      cardsOf(card.incidentId).set(card.target.slice(platform.length + 1), card.messageRef);
    },
    /** Bring one card up to `message` unless it was last sent as `stamp` already. */
    async sync(subjectId: string, channel: string, message: CardMessage, stamp: string): Promise<void> {
      if (rendered.get(message.key) === stamp) return;
      await syncCard(subjectId, channel, message);
      rendered.set(message.key, stamp);
    },
    /** Whether this card was last sent as `stamp`. */
    isCurrent: (key: string, stamp: string): boolean => rendered.get(key) === stamp,
    async stop(): Promise<void> {
      stopped.abort();
      claims.stop();
      for (const timer of [...retries.values(), ...watching.values()]) clearTimeout(timer);
      await Promise.allSettled([...chains.values()]);
      await outbox.close();
    },
  };
}

export type CardPosts = ReturnType<typeof cardPosts>;
