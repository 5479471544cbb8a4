// Who is making a request, through which front end, and for whom.
import type { Actor, ActorRef, Channel } from '../core/model.js';

export interface Caller {
  actor: Actor;
  channel: Channel;
  /** A chat user a bot acts for (slack:U123); recorded in the audit detail. */
  onBehalfOf?: string | undefined;
  /** The token's name when the actor is a chat user acting through it (the bot). */
  via?: string | undefined;
  /** The token the request came with; the hub itself has none. `bot`: created for a chat bot (--bot). */
  token?: { id: string; expiresAt: string | null; bot: boolean } | undefined;
  /** A drill run the hub acts for: everything it does is marked as the drill's in the audit log. */
  drillRunId?: string | undefined;
}

/** The hub itself: alert automation, seeding, bootstrap. */
export const SYSTEM: Caller = { actor: { id: 'system', name: 'system', role: 'admin' }, channel: 'system' };

export const refOf = (actor: Actor): ActorRef => ({ id: actor.id, name: actor.name });

/** A chat user as a bot names them: PLATFORM:USER_ID (slack:U0123, teams:<aad object id>). */
export const CHAT_USER_KEY = '[a-z]+:[A-Za-z0-9._@-]{1,100}';
// How a chat user's actor is named (`Aisha (slack:U0123)`, or the bare key), as an assigner may write it.
const NAMING_CHAT_USER = new RegExp(`^(?:(${CHAT_USER_KEY})|.{1,100} \\((${CHAT_USER_KEY})\\))$`);

/** A chat user's actor id: the bot token's id in front keeps two bots' users apart (slack:U1 of two workspaces). */
export const delegatedId = (tokenId: string, key: string): string => `${tokenId}/${key}`;

/** The actor id of the chat user `text` names through the bot token `tokenId`, if it names one. */
export function delegatedIdIn(tokenId: string, text: string): string | undefined {
  const match = text.length <= 200 ? NAMING_CHAT_USER.exec(text.trim()) : null;
  const key = match?.[1] ?? match?.[2];
  return key ? delegatedId(tokenId, key) : undefined;
}

/** What the audit log records about a caller beyond the actor. */
export function callerDetail(caller: Caller): Record<string, unknown> {
  return {
    ...(caller.onBehalfOf ? { onBehalfOf: caller.onBehalfOf, ...(caller.via ? { via: caller.via } : {}) } : {}),
    ...(caller.drillRunId ? { drill: true, drillRunId: caller.drillRunId } : {}),
  };
}
