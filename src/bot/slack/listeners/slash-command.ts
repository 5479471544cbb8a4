// `/wf …`: acknowledged at once (Slack allows 3 s; a hub call may take
// longer), then answered through the command's response_url, to the asker only.
import type { App } from '@slack/bolt';
import { answer } from '../../answer.js';
import { replyLang } from '../../reply-lang.js';
import { slackMessage } from '../reply-message.js';
import type { ListenerContext } from './context.js';

export const SLASH_COMMAND = '/wf';

export function registerSlashCommand(app: App, ctx: ListenerContext): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await ack();
    ctx.later.run(async () => {
      const session = ctx.sessionFor(command.user_id);
      const reply = await answer(command.text, session);
      await respond({ response_type: 'ephemeral', ...slackMessage(reply, replyLang(command.text, session.user)) });
    });
  });
}
