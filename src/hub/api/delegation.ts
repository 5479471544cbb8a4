// A bot acting for a chat user (x-watchfloor-on-behalf-of: `slack:U0123 (Name)`)
// acts as that user, not as its token: the timeline reads "acknowledged by
// Aisha (slack:U0123)", and the hub's own rules that turn on who acted (an
// officer may resolve what they acknowledged) tell two chat users apart even
// though they share the bot's token. The role stays the token's, capped by
// x-watchfloor-act-as: the header names someone, it never grants anything.
// Only a token created for a bot may send it (auth.ts).
import { UsageError } from '../../core/errors.js';
import type { Actor } from '../../core/model.js';
import { CHAT_USER_KEY, delegatedId } from '../caller.js';

const MAX_LENGTH = 200;
const SHAPE = new RegExp(`^(${CHAT_USER_KEY})(?: \\((.{1,100})\\))?$`);

export function delegatedActor(token: { id: string; name: string }, onBehalfOf: string, role: Actor['role']): Actor {
  const match = onBehalfOf.length <= MAX_LENGTH ? SHAPE.exec(onBehalfOf) : null;
  if (!match) {
    throw new UsageError('x-watchfloor-on-behalf-of must read PLATFORM:USER_ID or PLATFORM:USER_ID (Name)', {
      hint: 'e.g. slack:U0123ABCD (Aisha); non-ASCII in the name percent-encoded',
    });
  }
  const [, key, encodedName] = match as unknown as [string, string, string | undefined];
  const name = encodedName ? decodeName(encodedName) : undefined;
  return { id: delegatedId(token.id, key), name: name ? `${name} (${key})` : key, role };
}

function decodeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
