// Who is making a request, through which front end, and for whom.
import type { Actor, ActorRef, Channel } from '../core/model.js';

export interface Caller {
  actor: Actor;
  channel: Channel;
  /** A chat user a bot acts for (slack:U123); recorded in the audit detail. */
  onBehalfOf?: string | undefined;
  /** The token's name when the actor is a chat user acting through it (the bot). */
  via?: string | undefined;
}

/** The hub itself: alert automation, seeding, bootstrap. */
export const SYSTEM: Caller = { actor: { id: 'system', name: 'system', role: 'admin' }, channel: 'system' };

export const refOf = (actor: Actor): ActorRef => ({ id: actor.id, name: actor.name });

/** What the audit log records about a caller beyond the actor. */
export function callerDetail(caller: Caller): Record<string, unknown> {
  return caller.onBehalfOf ? { onBehalfOf: caller.onBehalfOf, ...(caller.via ? { via: caller.via } : {}) } : {};
}
