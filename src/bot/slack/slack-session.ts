// Who is asking, per request: the Slack user resolved through the identity
// map (unmapped → viewer), replying in Arabic when they ask in Arabic, else
// in their own setting.
import type { Lang } from '../../render/labels.js';
import { resolveChatUser, type IdentityMap } from '../identity.js';
import type { ChatSession } from '../session.js';

export interface SessionSource {
  identities: IdentityMap;
  /** The hub the bot speaks to, with the bot's own token; the hub caps it to the chat user's role. */
  hub: { hubUrl: string; token: string };
}

export type SessionFor = (userId: string, text?: string) => ChatSession;

export function slackSessions(source: SessionSource): SessionFor {
  return (userId, text) => ({
    user: resolveChatUser(source.identities, 'slack', userId, requestLang(text)),
    hub: source.hub,
  });
}

const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * The language a request is written in, when that settles it: Arabic words
 * ask for Arabic. Latin text does not ask for English — the command grammar
 * (`status RUH`) is Latin in either language — so it keeps the user's setting.
 */
export function requestLang(text: string | undefined): Lang | undefined {
  return text && ARABIC_LETTER.test(text) ? 'ar' : undefined;
}
