// Mentions in a channel are answered in their thread; direct messages in the DM.
// Both go through answer(), which strips the mention itself.
import type { App } from '@slack/bolt';
import { answer, replyLang } from '../../answer.js';
import { slackMessage } from '../reply-message.js';
import type { SessionFor } from '../slack-session.js';

export function registerMessages(app: App, sessionFor: SessionFor): void {
  app.event('app_mention', async ({ event, client }) => {
    if (!event.user) return;
    const session = sessionFor(event.user);
    const reply = await answer(event.text, session);
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...slackMessage(reply, replyLang(event.text, session.user)),
    });
  });

  app.message(async ({ message, client }) => {
    // Only what a person typed in a DM: edits, joins and bot posts carry a subtype
    // (and Bolt already drops the bot's own messages).
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user) return;
    const text = message.text ?? '';
    const session = sessionFor(message.user);
    const reply = await answer(text, session);
    await client.chat.postMessage({ channel: message.channel, ...slackMessage(reply, replyLang(text, session.user)) });
  });
}
