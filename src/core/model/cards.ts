// Chat cards: the one message per incident and chat place, claimed through
// the hub so that two bots never post the same one.
import { z } from 'zod';

/**
 * The one chat message that shows an incident in one place (a Slack channel,
 * a Teams conversation). Bots claim it through the hub before posting, so two
 * bot instances never post the same incident twice.
 */
export const ChatCard = z.object({
  incidentId: z.string(),
  /** Where the card lives, e.g. `slack:C0123ABCD`. */
  target: z.string(),
  /** The posted message (Slack: its ts); null until the claimer has posted. */
  messageRef: z.string().nullable(),
  /** Who holds the claim: the claimant the bot named, or its token's id. */
  claimedBy: z.string(),
  claimedAt: z.string(),
  updatedAt: z.string(),
});
export type ChatCard = z.infer<typeof ChatCard>;

const cardField = (max: number) => z.string().trim().min(1).max(max);

/** POST /v1/cards/claim. `claimant` names a bot instance, so its own retry of a claim still wins. */
export const ClaimCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), claimant: cardField(200).optional() })
  .strict();
export type ClaimCardInput = z.input<typeof ClaimCardInput>;

/** POST /v1/cards/record: the claimer posted the card; this is its message. */
export const RecordCardInput = z
  .object({ incidentId: cardField(200), target: cardField(200), messageRef: cardField(200) })
  .strict();
export type RecordCardInput = z.input<typeof RecordCardInput>;

/** GET /v1/cards */
export const CardsQuery = z.object({ incidentId: cardField(200).optional(), target: cardField(200).optional() }).strict();
export type CardsQuery = z.input<typeof CardsQuery>;

export interface ClaimCardResult {
  /** true: the caller holds the claim and should post; false: someone else has (or will have) posted. */
  claimed: boolean;
  card: ChatCard;
}
