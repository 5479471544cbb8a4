// Teams as the cards' outbox sees a chat platform (outbox.ts's SlackChat: post,
// update, who am I, look back), so Teams cards get the same durable outbox,
// claims, renewals and fences as Slack's rather than a second copy of them.
// A post is a proactive message: CloudAdapter.continueConversationAsync with
// the conversation reference the routing names, sending the Adaptive Card (the
// job's one "block") to the conversation; an update is updateActivity with the activity
// id the post returned. The Bot Connector's failures are put in the Slack
// SDK's error shapes, so classifySlackFailure decides retry, back off or never
// for both. The Connector has no history a bot can search, so a post that may
// have landed unheard (a timeout) cannot be looked for: the lookup says so, and
// the outbox posts again (logged) — the one way a second card can appear.
import { CardFactory, CloudAdapter, TurnContext, type ConversationReference } from 'botbuilder';
import { ErrorCode } from '@slack/web-api';
import type { SlackChat } from '../outbox.js';

/** How the adapter gets its Connector credentials (ConfigurationBotFrameworkAuthentication in service). */
export type TeamsAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export interface TeamsChatOptions {
  /** The Azure bot registration's app id: the bot the messages come from. */
  appId: string;
  auth: TeamsAuthentication;
  /** The Bot Connector's base URL for the tenant's region (from any activity Teams sent the bot). */
  serviceUrl: string;
  tenantId?: string | undefined;
  /** How long one Connector call may take (default 10 s). */
  timeoutMs?: number | undefined;
}

/** What a proactive message to a Teams conversation (a channel's id, 19:…@thread.tacv2) needs. */
export function conversationReference(options: TeamsChatOptions, conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    bot: { id: options.appId, name: 'watchfloor' },
    conversation: {
      id: conversationId,
      isGroup: true,
      conversationType: 'channel',
      name: '',
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    },
  };
}

/** A Connector failure in the Slack SDK's error shapes (classifySlackFailure reads code, statusCode, retryAfter, data, original). */
export function asChatFailure(error: unknown): Error {
  const e = error as { statusCode?: number; code?: string; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const failure = new Error(e?.message ?? String(error)) as Error & Record<string, unknown>;
  const status = e?.statusCode;
  if (status === 429) {
    const after = Number(e.response?.headers?.get?.('retry-after'));
    return Object.assign(failure, { code: ErrorCode.RateLimitedError, retryAfter: Number.isFinite(after) && after > 0 ? after : 1 });
  }
  if (status && (status >= 500 || status === 408)) return Object.assign(failure, { code: ErrorCode.HTTPError, statusCode: status });
  // The Connector answered no (401 bad credentials, 403 not in that team, 404 no such conversation): never.
  if (status) return Object.assign(failure, { code: ErrorCode.PlatformError, data: { error: `teams_http_${status}` } });
  return Object.assign(failure, { code: ErrorCode.RequestError, original: { code: e?.code, message: e?.message } });
}

const LOOKUP_UNSUPPORTED = Object.assign(new Error('the Bot Connector keeps no history a bot can search'), {
  code: ErrorCode.PlatformError,
  data: { error: 'teams_no_history' },
});

export function teamsChat(options: TeamsChatOptions): SlackChat {
  const adapter = new CloudAdapter(options.auth);
  const timeoutMs = options.timeoutMs ?? 10_000;

  /** One turn in the conversation, bounded; any failure in the Slack SDK's shapes. */
  async function inConversation<T>(conversationId: string, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let result: T | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`the Bot Connector did not answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs);
    });
    try {
      await Promise.race([
        adapter.continueConversationAsync(options.appId, conversationReference(options, conversationId), async (context) => {
          result = await work(context);
        }),
        timedOut,
      ]);
      return result as T;
    } catch (e) {
      throw asChatFailure(e);
    } finally {
      clearTimeout(timer);
    }
  }

  const cardOf = (blocks: unknown[] | undefined, text: string) => ({
    type: 'message' as const,
    summary: text,
    ...(blocks?.[0] ? { attachments: [CardFactory.adaptiveCard(blocks[0])] } : { text }),
  });

  return {
    chat: {
      async postMessage(args) {
        // A new post in the channel (sendToConversation): context.sendActivity would make it a reply to the
        // continuation's made-up activity id.
        const sent = await inConversation(args.channel, async (context) => {
          const activity = TurnContext.applyConversationReference(cardOf(args.blocks, args.text), conversationReference(options, args.channel));
          return (await context.adapter.sendActivities(context, [activity]))[0];
        });
        if (!sent?.id) throw asChatFailure(Object.assign(new Error('the Bot Connector accepted the card without an activity id'), { statusCode: 502 }));
        return { ok: true, ts: sent.id, channel: args.channel };
      },
      async update(args) {
        await inConversation(args.channel, (context) => context.updateActivity({ ...cardOf(args.blocks, args.text), id: args.ts }));
        return { ok: true, ts: args.ts, channel: args.channel };
      },
    },
    auth: { test: async () => ({ ok: true, user_id: options.appId }) },
    conversations: {
      history: async () => {
        throw LOOKUP_UNSUPPORTED;
      },
    },
  };
}
