// The part of Slack's WebClient the outbox uses, and one pause for all of its
// calls: after a 429 no call starts before Retry-After has passed — not only
// the next job, but the lookups and posts of jobs already under way, since
// the limit is the app's, not one message's.
import type { WebAPICallResult } from '@slack/web-api';
import { abortableSleep } from '../core/abortable-sleep.js';
import type { messageMetadata, SlackHistory } from './slack/message-lookup.js';

type Sent = WebAPICallResult & { ts?: string; channel?: string };

export interface SlackChat extends SlackHistory {
  chat: {
    postMessage(args: { channel: string; text: string; blocks?: unknown[]; metadata?: ReturnType<typeof messageMetadata> }): Promise<Sent>;
    update(args: { channel: string; ts: string; text: string; blocks?: unknown[] }): Promise<Sent>;
  };
}

/** `client` whose every call first waits until `pausedUntil()` has passed; a call waiting when `signal` aborts is refused. */
export function pacedSlackChat(client: SlackChat, pausedUntil: () => number, now: () => number, signal: AbortSignal): SlackChat {
  const paced =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      while (now() < pausedUntil()) {
        if (signal.aborted) throw new Error('the outbox closed while waiting out a rate limit');
        await abortableSleep(pausedUntil() - now(), signal);
      }
      return call(...args);
    };
  return {
    chat: { postMessage: paced((a) => client.chat.postMessage(a)), update: paced((a) => client.chat.update(a)) },
    auth: { test: paced(() => client.auth.test()) },
    conversations: { history: paced((a) => client.conversations.history(a)) },
  };
}
