// Who is asking, per request: the Slack user resolved through the identity
// map (unmapped → viewer). Slack does not say which language a user reads;
// the map does, and answer() replies in Arabic to a question asked in Arabic.
import { resolveChatUser, type IdentityMap } from '../identity.js';
import type { ChatHub, ChatSession } from '../session.js';

export interface SessionSource {
  identities: IdentityMap;
  hub: ChatHub;
}

export type SessionFor = (userId: string) => ChatSession;

export function slackSessions(source: SessionSource): SessionFor {
  return (userId) => ({ user: resolveChatUser(source.identities, 'slack', userId), hub: source.hub });
}
