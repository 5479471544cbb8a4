// Mentions in a channel are answered in their thread; direct messages in the DM.
// Both go through answer(), which strips the mention itself. Bolt acks events
// before listeners run. A reply with a chart (a forecast) has it uploaded
// after its text; slash-command answers are ephemeral and a file cannot be, so
// they stay text.
import type { App } from '@slack/bolt';
import { answer } from '../../answer.js';
import { replyLang } from '../../reply-lang.js';
import { uploadChart } from '../chart-upload.js';
import { slackMessage } from '../reply-message.js';
import type { ListenerContext } from './context.js';

export function registerMessages(app: App, ctx: ListenerContext): void {
  app.event('app_mention', async ({ event, client }) => {
    const user = event.user;
    if (!user) return;
    ctx.later.run({
      about: { what: event.text, user, channel: event.channel },
      async work() {
        const session = ctx.sessionFor(user);
        const reply = await answer(event.text, session);
        const threadTs = event.thread_ts ?? event.ts;
        await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...slackMessage(reply, replyLang(event.text, session.user)) });
        if (reply.kind === 'text') await uploadChart(client, reply.chart, { channel: event.channel, threadTs }, ctx.log);
      },
    });
  });

  app.message(async ({ message, client }) => {
    // Only what a person typed in a DM: edits, joins and bot posts carry a subtype
    // (and Bolt already drops the bot's own messages).
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user) return;
    const { user, channel } = message;
    const text = message.text ?? '';
    ctx.later.run({
      about: { what: text, user, channel },
      async work() {
        const session = ctx.sessionFor(user);
        const reply = await answer(text, session);
        await client.chat.postMessage({ channel, ...slackMessage(reply, replyLang(text, session.user)) });
        if (reply.kind === 'text') await uploadChart(client, reply.chart, { channel }, ctx.log);
      },
    });
  });
}
