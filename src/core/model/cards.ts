// Chat cards: the one message per incident and chat place, claimed through
// the hub so that two bots never post the same one.
import { z } from 'zod';
import { CARD_LEASE_MS } from '../vocabulary.js';

/**
 * The one chat message that shows an incident in one place (a Slack channel,
 * a Teams conversation). Bots claim it through the hub before posting, so two
 * bot instances never post the same incident twice.
 *
 * A claim without a message is a lease: its holder renews it while it is
 * alive and still trying to post, and only when it stops renewing may
 * another claimant take it over. Each holder gets the next generation, and
 * the hub refuses a renewal or a record from an older one (409), so a bot
 * that lost its claim cannot overwrite the new holder's message.
 */
export const ChatCard = z.object({
  /** The incident the card shows, or the playbook run (RUN-000012) for a run's card: the same claims and fence. */
  incidentId: z.string(),
  /** Where the card lives, e.g. `slack:C0123ABCD`. */
  target: z.string(),
  /** The posted message (Slack: its ts); null until the claimer has posted. */
  messageRef: z.string().nullable(),
  /** Who holds the claim: the claimant the bot named, or its token's id. */
  claimedBy: z.string(),
  /** When the present holder claimed it. */
  claimedAt: z.string(),
  updatedAt: z.string(),
  /** 1 for the first holder, one more at each takeover: the fence a holder's renewals and record must match. */
  generation: z.number().int(),
  /** Until when the holder's claim is safe from a takeover; null once the card has its message. */
  leaseExpiresAt: z.string().nullable(),
  /** When the card was first claimed by anyone: no message of it can be older (a takeover looks back to here). */
  firstClaimedAt: z.string(),
  /** The token the holder claimed with (null for claims made before leases); only it may renew or record. */
  holderTokenId: z.string().nullable(),
});
export type ChatCard = z.infer<typeof ChatCard>;

const cardField = (max: number) => z.string().trim().min(1).max(max);
const leaseMs = z.number().int().min(CARD_LEASE_MS.min).max(CARD_LEASE_MS.max);
const generation = z.number().int().min(1).max(2 ** 31);

/** POST /v1/cards/claim. `claimant` names a bot instance, so its own retry of a claim still wins. */
export const ClaimCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), claimant: cardField(200).optional(), leaseMs: leaseMs.optional() })
  .strict();
export type ClaimCardInput = z.input<typeof ClaimCardInput>;

/** POST /v1/cards/renew: the holder is alive and still trying to post; its lease runs `leaseMs` from now. */
export const RenewCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), claimant: cardField(200).optional(), generation, leaseMs: leaseMs.optional() })
  .strict();
export type RenewCardInput = z.input<typeof RenewCardInput>;

/** POST /v1/cards/record: the holder (of this generation) posted the card; this is its message. */
export const RecordCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), messageRef: cardField(200), claimant: cardField(200).optional(), generation })
  .strict();
export type RecordCardInput = z.input<typeof RecordCardInput>;

/** GET /v1/cards */
export const CardsQuery = z.object({ incidentId: cardField(200).optional(), target: cardField(200).optional() }).strict();
export type CardsQuery = z.input<typeof CardsQuery>;

export interface ClaimCardResult {
  /** true: the caller holds the claim and should post; false: someone else has (or will have) posted. */
  claimed: boolean;
  card: ChatCard;
  /**
   * Claimed, but an earlier claim of this card (another holder's, or this
   * claimant's own before a restart) may already have posted it: look in the
   * chat place for it (no older than `card.firstClaimedAt`) before posting.
   */
  mayBePosted: boolean;
  /**
   * Not claimed, and the holder has not posted yet: how long its lease has
   * left on the hub's clock (a duration, so the asker needs no clock of the
   * hub's) — the time to ask again, in case the holder has stopped renewing.
   * Null otherwise.
   */
  leaseRemainingMs: number | null;
}
