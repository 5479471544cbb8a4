// The card claims this bot instance holds with the hub, from the claim to the
// record of the posted message. While a claim has no recorded message its
// lease is renewed on a heartbeat, so another bot never takes over a card
// this one is still trying to post (through a Slack outage of any length); a
// post goes out only after a renewal says the claim is still ours, so a bot
// that lost its claim never posts; and the record is the post's after-step in
// the outbox, refused for good (404, 409) → dead-lettered at once, never
// retried in line. The same for every chat platform: only the target's
// prefix (slack:, teams:) says where the card is.
import type { CoreClient } from '../../core/client.js';
import { ConflictError, NotFoundError, isWatchfloorError } from '../../core/errors.js';
import type { ChatCard, ClaimCardResult } from '../../core/model.js';
import { hubFailureReason, hubRefusedForGood } from '../hub-failures.js';
import type { Delivery, PostGate, Settled, StoredJob } from '../outbox.js';

/** A claim held and not yet recorded, as a post job's meta carries it (so it survives a restart). */
export interface HeldClaim {
  incidentId: string;
  channel: string;
  generation: number;
}

/** The chat platform a card lives on: the hub's card targets are `slack:C…` and `teams:19:…`. */
export type CardPlatform = 'slack' | 'teams';

export interface CardClaimsOptions {
  client: CoreClient;
  platform: CardPlatform;
  claimant: string;
  leaseMs: number;
  renewEveryMs: number;
  log: (line: string) => void;
  /** Another bot holds the card now (`card` as the hub told it, if it did): forget what we knew of it. */
  onLost: (claim: HeldClaim, card: ChatCard | undefined) => void;
  /** Our post of the card is in the channel, whatever the hub then makes of it: updates go to it. */
  onPosted: (claim: HeldClaim, messageRef: string) => void;
}

export const targetOf = (platform: CardPlatform, channel: string) => `${platform}:${channel}`;
export const cardKey = (incidentId: string, channel: string) => `card:${incidentId}:${channel}`;

/** What a post job carries to be renewed and recorded, and back. */
export const claimMeta = (c: HeldClaim): Record<string, string> => ({ incidentId: c.incidentId, channel: c.channel, generation: String(c.generation) });
export function claimOf(job: StoredJob): HeldClaim | undefined {
  const m = job.meta;
  const generation = Number(m?.generation);
  return m?.incidentId && Number.isInteger(generation) && generation > 0 ? { incidentId: m.incidentId, channel: m.channel ?? job.channel, generation } : undefined;
}

/** The claim is someone else's now: a 409 from the hub (it names the holder), or a 404 (the claim is gone). */
const lostIn = (e: unknown): e is ConflictError | NotFoundError => e instanceof ConflictError || e instanceof NotFoundError;
const cardIn = (e: unknown): ChatCard | undefined => (isWatchfloorError(e) ? (e.details?.card as ChatCard | undefined) : undefined);

export function cardClaims(options: CardClaimsOptions) {
  const { client, claimant, leaseMs, log } = options;
  const held = new Map<string, HeldClaim>();
  const keyOf = (c: HeldClaim) => cardKey(c.incidentId, c.channel);
  const call = (c: HeldClaim) => ({ incidentId: c.incidentId, target: targetOf(options.platform, c.channel), claimant, generation: c.generation });

  function lost(claim: HeldClaim, e: unknown): void {
    held.delete(keyOf(claim));
    const card = cardIn(e);
    log(`incident cards: ${claim.incidentId} in ${claim.channel} is no longer ours: ${hubFailureReason(e)}`);
    options.onLost(claim, card);
  }

  /** Renew one claim; false when it turned out to be someone else's. Other failures are thrown. */
  async function renew(claim: HeldClaim): Promise<boolean> {
    try {
      await client.renewCard({ ...call(claim), leaseMs });
      return true;
    } catch (e) {
      if (!lostIn(e)) throw e;
      lost(claim, e);
      return false;
    }
  }

  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating || held.size === 0) return;
    beating = true;
    void Promise.allSettled([...held.values()].map(renew))
      .then((results) => {
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed.length) log(`incident cards: could not renew ${failed.length} claim(s): ${hubFailureReason(failed[0]!.reason)}`);
      })
      .finally(() => (beating = false));
  }, options.renewEveryMs);
  heartbeat.unref();

  return {
    /** Claim the card; a claim we got is held (and renewed) until its message is recorded. */
    async claim(incidentId: string, channel: string): Promise<ClaimCardResult> {
      const result = await client.claimCard({ incidentId, target: targetOf(options.platform, channel), claimant, leaseMs });
      if (result.claimed) held.set(cardKey(incidentId, channel), { incidentId, channel, generation: result.card.generation });
      return result;
    },

    /** A claim known from the outbox after a restart: renewed from now on. */
    hold(claim: HeldClaim): void {
      held.set(keyOf(claim), claim);
    },

    /** Stop renewing (the post will never be made). */
    release(incidentId: string, channel: string): void {
      held.delete(cardKey(incidentId, channel));
    },

    /** Before each try of a post: is the claim still ours? Only then may it go out, with a fresh lease. */
    async gate(job: StoredJob): Promise<PostGate> {
      const claim = claimOf(job);
      if (!claim) return { send: true };
      try {
        return (await renew(claim)) ? { send: true } : { drop: `the card of ${claim.incidentId} was taken over by another bot` };
      } catch (e) {
        return hubRefusedForGood(e) ? { dead: hubFailureReason(e) } : { retry: hubFailureReason(e) };
      }
    },

    /** After a post reached Slack: record its message with the hub (the claim's target and generation). */
    async record(job: StoredJob, delivery: Delivery): Promise<Settled> {
      const claim = claimOf(job);
      if (job.kind !== 'post' || !claim) return { done: true };
      options.onPosted(claim, delivery.ts);
      try {
        await client.recordCard({ ...call(claim), messageRef: delivery.ts });
      } catch (e) {
        if (!hubRefusedForGood(e)) return { retry: hubFailureReason(e) };
        held.delete(keyOf(claim));
        const card = cardIn(e);
        // The bot that took the card over found our message and adopted it: the card is ours still, recorded by them.
        if (card?.messageRef === delivery.ts) return { done: true };
        if (e instanceof ConflictError) {
          log(`incident cards: ${claim.incidentId} was taken over while our post (${delivery.ts}) was on its way; ${card?.messageRef ? `the card is ${card.messageRef}, and ours a second message` : 'ours may be a second message'} in ${claim.channel}`);
          options.onLost(claim, card);
        }
        return { dead: hubFailureReason(e) };
      }
      held.delete(keyOf(claim));
      return { done: true };
    },

    stop(): void {
      clearInterval(heartbeat);
    },
  };
}

export type CardClaims = ReturnType<typeof cardClaims>;
