// Who is asking in Teams, per activity: the sender's Entra (AAD) object id
// through the identity map (unmapped → viewer), answering in Arabic when the
// question is in Arabic, else in the user's setting, else the client's locale.
import type { Activity } from 'botbuilder';
import type { Lang } from '../../render/labels.js';
import { replyLang } from '../reply-lang.js';
import { resolveChatUser, type IdentityMap } from '../identity.js';
import type { ChatSession } from '../session.js';

export interface TeamsSessionSource {
  identities: IdentityMap;
  /** The hub and the bot's own token; the hub caps it to each chat user's role. */
  hub: { hubUrl: string; token: string };
}

export type TeamsSessionFor = (activity: Partial<Activity>, text?: string) => ChatSession;

export function teamsSessions(source: TeamsSessionSource): TeamsSessionFor {
  return (activity, text) => {
    // The object id is the same person across tenants' chats and channels; `from.id` (29:…) is per bot.
    const userId = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
    const user = resolveChatUser(source.identities, 'teams', userId, localeLang(activity.locale));
    // Rendered in the language answer() replies in: Arabic for an Arabic question, else the user's.
    return { user: text ? { ...user, lang: replyLang(text, user) } : user, hub: source.hub };
  };
}

/** `ar`, `ar-SA`, … ask for Arabic; any other locale leaves the default. */
function localeLang(locale: string | undefined): Lang | undefined {
  return locale?.toLowerCase().split('-')[0] === 'ar' ? 'ar' : undefined;
}
