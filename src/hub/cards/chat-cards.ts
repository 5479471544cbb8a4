// Chat cards: which bot posts an incident's card to a chat target, and where
// that message is. A claim is one transaction, so of two bot instances asking
// at once exactly one is told to post.
import type { ChatCard, ClaimCardResult } from '../../core/model.js';
import { NotFoundError } from '../../core/errors.js';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import { incidentNotFound } from '../incidents/incident-actions.js';
import type { StoreWriter } from '../store/store.js';

/** A claim that never got a message this long after it was made: its claimer died before posting. */
export const STALE_CLAIM_MS = 30_000;

async function incidentIdOf(tx: StoreWriter, id: string): Promise<string> {
  const incident = await tx.getIncident(id);
  if (!incident) throw incidentNotFound(id);
  return incident.id;
}

export async function claimCard(
  ctx: HubContext,
  caller: Caller,
  input: { incidentId: string; target: string; claimant?: string | undefined },
): Promise<ClaimCardResult> {
  const claimant = input.claimant ?? caller.actor.id;
  return ctx.store.transaction(async (tx) => {
    const incidentId = await incidentIdOf(tx, input.incidentId);
    const now = ctx.now();
    const held = await tx.getChatCard(incidentId, input.target);
    if (held) {
      const abandoned = held.messageRef === null && now.getTime() - Date.parse(held.claimedAt) > STALE_CLAIM_MS;
      // The same claimant asking again (a retry after a lost answer) still holds it.
      const retry = held.messageRef === null && held.claimedBy === claimant;
      if (!abandoned && !retry) return { claimed: false, card: held };
    }
    const at = now.toISOString();
    const card: ChatCard = { incidentId, target: input.target, messageRef: null, claimedBy: claimant, claimedAt: at, updatedAt: at };
    await tx.putChatCard(card);
    return { claimed: true, card };
  });
}

export async function recordCard(
  ctx: HubContext,
  input: { incidentId: string; target: string; messageRef: string },
): Promise<ChatCard> {
  return ctx.store.transaction(async (tx) => {
    const incidentId = await incidentIdOf(tx, input.incidentId);
    const held = await tx.getChatCard(incidentId, input.target);
    if (!held) {
      throw new NotFoundError(`no card of ${incidentId} is claimed for ${input.target}`, {
        hint: 'claim it first (POST /v1/cards/claim), then post, then record the message',
        details: { incidentId, target: input.target },
      });
    }
    const card: ChatCard = { ...held, messageRef: input.messageRef, updatedAt: ctx.now().toISOString() };
    await tx.putChatCard(card);
    return card;
  });
}
