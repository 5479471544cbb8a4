// One chat request's standing with the hub: who asks, and the bot's own hub
// connection. The hub caps the bot token's role to the user's (act-as), so
// RBAC and the audit log are the hub's, never the bot's.
import type { Dispatcher } from 'undici';
import { CoreClient } from '../core/client.js';
import type { JsonTransportFactory } from '../core/client/json-transport.js';
import type { ChatUser } from './reply.js';

/** The hub the bot speaks to, with the bot's own token; the hub caps it to each chat user's role. */
export interface ChatHub {
  hubUrl: string;
  token: string;
  /** Connections shared by every request of the bot (bounded, kept alive); without one each client opens its own. */
  dispatcher?: Dispatcher | undefined;
  /** What carries its JSON calls over those connections (hub-pool.ts: reads a channel asks at once are shared). */
  transport?: JsonTransportFactory | undefined;
}

export interface ChatSession {
  user: ChatUser;
  hub: ChatHub;
}

/** How the audit log names the chat user: `slack:U0123 (Ahmed)`, or just the id when unmapped. */
export function onBehalfOf(user: ChatUser): string {
  const id = `${user.platform}:${user.userId}`;
  return headerSafe(user.watchfloorName ? `${id} (${user.watchfloorName})` : id);
}

// HTTP header values carry Latin-1 only: an Arabic name would fail every
// request, so anything outside printable ASCII is percent-encoded (readable back).
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** A CoreClient for this session; close it when done. */
export function clientFor(session: ChatSession): CoreClient {
  return new CoreClient({
    hubUrl: session.hub.hubUrl,
    token: session.hub.token,
    channel: session.user.platform,
    onBehalfOf: onBehalfOf(session.user),
    actAs: session.user.role,
    // A site's reply lists only the assets that need attention; hundreds more were most of its cost.
    siteAssets: 'attention',
    ...(session.hub.dispatcher ? { dispatcher: session.hub.dispatcher } : {}),
    ...(session.hub.transport ? { transport: session.hub.transport } : {}),
  });
}
