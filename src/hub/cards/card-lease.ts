// The rules of a card's claim as pure decisions (the card as it is, who asks,
// the time in; the card to store, or why not, out), so the transaction in
// chat-cards.ts only reads, decides and writes. A claim without a message is
// a lease: its holder keeps it by renewing, another claimant takes it over
// only once the lease has run out, and every takeover is a new generation —
// the fence that stops a holder who lost its claim from writing over the new
// holder's. A card with its message is never taken over.
import { ConflictError } from '../../core/errors.js';
import type { ChatCard } from '../../core/model.js';

/** Who asks: the bot instance it names, and the token it came with. */
export interface Claimant {
  claimant: string;
  tokenId: string;
}

export type ClaimDecision = { claimed: false; card: ChatCard } | { claimed: true; card: ChatCard; mayBePosted: boolean };

const leaseUntil = (now: Date, leaseMs: number) => new Date(now.getTime() + leaseMs).toISOString();

/** The same holder: the claimant it named, through the token it claimed with (claims from before leases name no token). */
export const sameHolder = (card: ChatCard, who: Claimant): boolean =>
  card.claimedBy === who.claimant && (card.holderTokenId === null || card.holderTokenId === who.tokenId);

export function decideClaim(
  held: ChatCard | undefined,
  key: { incidentId: string; target: string },
  who: Claimant,
  now: Date,
  leaseMs: number,
): ClaimDecision {
  const at = now.toISOString();
  const lease = leaseUntil(now, leaseMs);
  if (!held) {
    const card: ChatCard = {
      ...key,
      messageRef: null,
      claimedBy: who.claimant,
      claimedAt: at,
      updatedAt: at,
      generation: 1,
      leaseExpiresAt: lease,
      firstClaimedAt: at,
      holderTokenId: who.tokenId,
    };
    return { claimed: true, card, mayBePosted: false };
  }
  if (held.messageRef !== null) return { claimed: false, card: held };
  // Its own holder asking again (a retry after a lost answer, a restart): it still holds it, and may have posted.
  if (sameHolder(held, who)) {
    return { claimed: true, card: { ...held, leaseExpiresAt: lease, updatedAt: at, holderTokenId: who.tokenId }, mayBePosted: true };
  }
  const expired = held.leaseExpiresAt === null || Date.parse(held.leaseExpiresAt) <= now.getTime();
  if (!expired) return { claimed: false, card: held };
  // The holder stopped renewing: a takeover, fenced by the next generation. It may have posted before it stopped.
  const card: ChatCard = {
    ...held,
    claimedBy: who.claimant,
    claimedAt: at,
    updatedAt: at,
    generation: held.generation + 1,
    leaseExpiresAt: lease,
    holderTokenId: who.tokenId,
  };
  return { claimed: true, card, mayBePosted: true };
}

/** The holder of `generation` is still the holder; else a 409 that names who holds the card now. */
export function requireHolder(card: ChatCard, who: Claimant, generation: number, doing: string): void {
  if (card.generation === generation && sameHolder(card, who)) return;
  const now = `${card.claimedBy} holds it (generation ${card.generation}${card.messageRef ? `, message ${card.messageRef}` : ''})`;
  throw new ConflictError(`cannot ${doing} the card of ${card.incidentId} in ${card.target}: ${now}, not ${who.claimant} (generation ${generation})`, {
    hint: 'the claim was taken over after its lease ran out unrenewed; the new holder posts and records the card',
    details: { card },
  });
}

/** The holder keeps its claim for `leaseMs` more; a card with its message needs no lease. */
export function decideRenew(card: ChatCard, who: Claimant, generation: number, now: Date, leaseMs: number): ChatCard {
  requireHolder(card, who, generation, 'renew');
  if (card.messageRef !== null) return card;
  return { ...card, leaseExpiresAt: leaseUntil(now, leaseMs), updatedAt: now.toISOString() };
}

/** The holder posted: the card has its message, and no lease any more. */
export function decideRecord(card: ChatCard, who: Claimant, generation: number, messageRef: string, now: Date): ChatCard {
  requireHolder(card, who, generation, 'record a message for');
  if (card.messageRef === messageRef) return card;
  return { ...card, messageRef, leaseExpiresAt: null, updatedAt: now.toISOString() };
}
