// Chat cards: which bot posts an incident's (or a playbook run's) card to a
// chat target, and where that message is. Each call is one transaction (read, decide in
// card-lease.ts, write), so of two bot instances asking at once exactly one is
// told to post, and a holder that lost its lease cannot record over the new one.
import type { ChatCard, ClaimCardResult } from '../../core/model.js';
import { ForbiddenError, NotFoundError } from '../../core/errors.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import { HANDOVER_ID } from '../../core/handover-rules.js';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import { handoverNotFound } from '../handover/handover-actions.js';
import { incidentNotFound } from '../incidents/incident-actions.js';
import { runNotFound } from '../playbooks/person-writes.js';
import type { StoreWriter } from '../store/store.js';
import { decideClaim, decideRecord, decideRenew, type Claimant } from './card-lease.js';

interface CardKey {
  incidentId: string;
  target: string;
}

// A run's card (RUN-…) and a handover's (HO-…) are claimed like an incident's,
// under the same fence: the kinds of id never meet, so the key holds any.
const RUN_ID = /^RUN-\d{6,}$/;

/** The id of what the card shows, as stored: an incident's, a playbook run's or a shift handover's. */
async function incidentIdOf(tx: StoreWriter, id: string): Promise<string> {
  if (HANDOVER_ID.test(id)) {
    const handover = await tx.getHandover(id);
    if (!handover) throw handoverNotFound(id);
    return handover.id;
  }
  if (RUN_ID.test(id)) {
    const run = await tx.getRun(id);
    if (!run) throw runNotFound(id);
    return run.id;
  }
  const incident = await tx.getIncident(id);
  if (!incident) throw incidentNotFound(id);
  return incident.id;
}

/**
 * Cards are the bots' bookkeeping: only a bot's own token (created with
 * --bot), acting for itself, claims, renews or records one — a person's token,
 * or a bot acting for a chat user, could otherwise take a card over or point
 * it at another message.
 */
function claimantOf(caller: Caller, named: string | undefined): Claimant {
  if (!caller.token?.bot) {
    throw new ForbiddenError(`only a chat bot's token claims and records incident cards; ${caller.actor.name} is not a bot's token`, {
      hint: 'the bot posting cards needs a token of its own: `watchfloor tokens create --name slack-bot --role officer --bot`',
      details: { needed: 'bot' },
    });
  }
  if (caller.onBehalfOf) {
    throw new ForbiddenError(`a bot claims and records incident cards for itself, not for a chat user (${caller.onBehalfOf})`, {
      hint: 'send card calls without x-watchfloor-on-behalf-of',
      details: { needed: 'bot' },
    });
  }
  return { claimant: named ?? caller.token.id, tokenId: caller.token.id };
}

const leaseRemaining = (card: ChatCard, now: Date): number | null =>
  card.messageRef === null && card.leaseExpiresAt !== null ? Math.max(0, Date.parse(card.leaseExpiresAt) - now.getTime()) : null;

async function heldCard(tx: StoreWriter, key: CardKey): Promise<ChatCard> {
  const incidentId = await incidentIdOf(tx, key.incidentId);
  const held = await tx.getChatCard(incidentId, key.target);
  if (!held) {
    throw new NotFoundError(`no card of ${incidentId} is claimed for ${key.target}`, {
      hint: 'claim it first (POST /v1/cards/claim), then post, then record the message',
      details: { incidentId, target: key.target },
    });
  }
  return held;
}

export async function claimCard(
  ctx: HubContext,
  caller: Caller,
  input: CardKey & { claimant?: string | undefined; leaseMs?: number | undefined },
): Promise<ClaimCardResult> {
  const who = claimantOf(caller, input.claimant);
  return ctx.store.transaction(async (tx) => {
    const incidentId = await incidentIdOf(tx, input.incidentId);
    const held = await tx.getChatCard(incidentId, input.target);
    const now = ctx.now();
    const decision = decideClaim(held, { incidentId, target: input.target }, who, now, input.leaseMs ?? CARD_LEASE_MS.default);
    if (!decision.claimed) return { claimed: false, card: decision.card, mayBePosted: false, leaseRemainingMs: leaseRemaining(decision.card, now) };
    await tx.putChatCard(decision.card);
    return { ...decision, leaseRemainingMs: null };
  });
}

export async function renewCard(
  ctx: HubContext,
  caller: Caller,
  input: CardKey & { claimant?: string | undefined; generation: number; leaseMs?: number | undefined },
): Promise<ChatCard> {
  const who = claimantOf(caller, input.claimant);
  return ctx.store.transaction(async (tx) => {
    const held = await heldCard(tx, input);
    const card = decideRenew(held, who, input.generation, ctx.now(), input.leaseMs ?? CARD_LEASE_MS.default);
    if (card !== held) await tx.putChatCard(card);
    return card;
  });
}

export async function recordCard(
  ctx: HubContext,
  caller: Caller,
  input: CardKey & { messageRef: string; claimant?: string | undefined; generation: number },
): Promise<ChatCard> {
  const who = claimantOf(caller, input.claimant);
  return ctx.store.transaction(async (tx) => {
    const held = await heldCard(tx, input);
    const card = decideRecord(held, who, input.generation, input.messageRef, ctx.now());
    if (card !== held) await tx.putChatCard(card);
    return card;
  });
}
