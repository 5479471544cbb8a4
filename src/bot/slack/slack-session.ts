// Who is asking, per request: the Slack user resolved through the identity
// map (unmapped → viewer). Slack does not say which language a user reads;
// the map does, and answer() replies in Arabic to a question asked in Arabic.
import { resolveChatUser, type IdentityMap } from '../identity.js';
import type { ChatSession } from '../session.js';

export interface SessionSource {
  identities: IdentityMap;
  /** The hub the bot speaks to, with the bot's own token; the hub caps it to the chat user's role. */
  hub: { hubUrl: string; token: string };
}

export type SessionFor = (userId: string) => ChatSession;

export function slackSessions(source: SessionSource): SessionFor {
  return (userId) => ({ user: resolveChatUser(source.identities, 'slack', userId), hub: source.hub });
}
