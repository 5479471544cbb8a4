// `/wf …`: acknowledged first, before anything of ours runs (Slack allows 3 s;
// a hub call may take longer), then answered through the command's
// response_url, to the asker only. Over HTTP the receiver acks it and queues
// its answer itself (answerSlashCommand); in Socket Mode this listener does.
import type { App, SlashCommand } from '@slack/bolt';
import { answer } from '../../answer.js';
import { replyLang } from '../../reply-lang.js';
import { slackMessage } from '../reply-message.js';
import { postToResponseUrl } from '../response-url.js';
import type { ListenerContext } from './context.js';

export const SLASH_COMMAND = '/wf';

export function registerSlashCommand(app: App, ctx: ListenerContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    await ack();
    answerSlashCommand(ctx, command);
  });
}

/**
 * Queues the command's answer (after-ack.ts). Over HTTP the receiver calls
 * this itself once the command verifies, and acks it (signed-receiver.ts).
 */
export function answerSlashCommand(ctx: ListenerContext, command: SlashCommand): void {
  ctx.later.run({
    about: { what: `${SLASH_COMMAND} ${command.text}`, user: command.user_id, channel: command.channel_id },
    async work(signal) {
      const session = ctx.sessionFor(command.user_id);
      const reply = await answer(command.text, session);
      await postToResponseUrl(command.response_url, { response_type: 'ephemeral', ...slackMessage(reply, replyLang(command.text, session.user)) }, signal);
    },
  });
}
