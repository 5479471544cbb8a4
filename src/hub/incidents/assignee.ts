// Whom an assignment names, as far as the hub can tell. Assignees are free
// text, so a handover must reach the one token (or chat user) the text named
// when it was made — never whoever later holds a token of that name, or types
// that name for themselves.
import { delegatedIdIn, type Caller } from '../caller.js';
import type { TokenReader } from '../store/token-store.js';
import { isLive } from '../tokens/tokens.js';

/** The actor id `to` names, or null when it names no one token (a person without one, a name two tokens share). */
export async function assigneeIdOf(tokens: TokenReader, caller: Caller, to: string, now: Date): Promise<string | null> {
  const text = to.trim();
  if (text === caller.actor.name) return caller.actor.id;
  // Through a bot, `slack:U0123` or `Aisha (slack:U0123)` is a chat user of the same bot.
  const chatUser = caller.via && caller.token ? delegatedIdIn(caller.token.id, text) : undefined;
  if (chatUser) return chatUser;
  const wanted = text.toLowerCase();
  const named = (await tokens.listTokens()).filter((t) => isLive(t, now) && t.role !== 'intake' && !t.bot && t.name.trim().toLowerCase() === wanted);
  return named.length === 1 ? named[0]!.id : null;
}
