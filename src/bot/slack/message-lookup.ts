// A post may have reached Slack without its sender hearing back (it timed out,
// died, or lost its card's claim to another bot before recording it). Every
// post carries its outbox key as message metadata, so before posting again
// the sender can find it in the channel's history and adopt it instead of
// posting a second message. Only the app's own messages count: anyone in the
// channel can attach metadata, and a message we cannot update is no card.
import type { WebAPICallResult } from '@slack/web-api';

export const MESSAGE_EVENT_TYPE = 'watchfloor_message';

/** Slack's clock and ours may differ; look this much further back than the message could be. */
export const LOOKBACK_MARGIN_MS = 5 * 60_000;
const PAGE = 200;
const MAX_PAGES = 10;

export interface HistoryMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The part of a WebClient the lookup uses. */
export interface SlackHistory {
  auth: { test(): Promise<WebAPICallResult & { user_id?: string; bot_id?: string }> };
  conversations: {
    history(args: { channel: string; oldest: string; limit: number; include_all_metadata: boolean; cursor?: string }): Promise<
      WebAPICallResult & { messages?: HistoryMessage[]; response_metadata?: { next_cursor?: string } }
    >;
  };
}

/** What a post carries so that it can be found again. */
export const messageMetadata = (key: string) => ({ event_type: MESSAGE_EVENT_TYPE, event_payload: { key } });

export interface Self {
  userId: string | undefined;
  botId: string | undefined;
}

/** Who the app posts as (auth.test), asked once and kept; a failure is the caller's to retry. */
export function selfOf(client: SlackHistory): () => Promise<Self> {
  let known: Promise<Self> | undefined;
  return () => {
    known ??= client.auth.test().then(
      (r) => ({ userId: r.user_id, botId: r.bot_id }),
      (e: unknown) => {
        known = undefined;
        throw e;
      },
    );
    return known;
  };
}

/**
 * The ts of the app's own message in `channel` that carries `key`, posted no
 * earlier than `since` (epoch ms, less the margin), if there is one. Slack
 * errors are thrown as the WebClient throws them.
 */
export async function findPostedMessage(client: SlackHistory, self: Self, query: { channel: string; key: string; since: number }): Promise<string | undefined> {
  const oldest = (Math.max(0, query.since - LOOKBACK_MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await client.conversations.history({ channel: query.channel, oldest, limit: PAGE, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
    for (const m of res.messages ?? []) {
      const ours = (self.userId !== undefined && m.user === self.userId) || (self.botId !== undefined && m.bot_id === self.botId);
      if (ours && m.ts && m.metadata?.event_type === MESSAGE_EVENT_TYPE && m.metadata.event_payload?.key === query.key) return m.ts;
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return undefined;
  }
  return undefined;
}
