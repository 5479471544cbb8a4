// Buttons (`wf:<action>`) go through the bot's one dispatch point; the answer
// goes back to the presser only, below the message they pressed. Resolve first
// asks for a summary in a modal and dispatches when it is submitted.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { actionLang, dispatchAction } from '../../actions.js';
import type { BotReply } from '../../reply.js';
import { parseSlackActionId } from '../blocks.js';
import { slackMessage, type SlackMessageArgs } from '../reply-message.js';
import { postToResponseUrl } from '../response-url.js';
import { readResolveSubmission, resolveModal, RESOLVE_CALLBACK_ID } from '../resolve-modal.js';
import type { ListenerContext } from './context.js';

const OUR_ACTIONS = /^wf:/;

export function registerActions(app: App, ctx: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: OUR_ACTIONS }, async ({ action, body, ack, client }) => {
    await ack();
    const id = parseSlackActionId(action.action_id);
    if (!id) return ctx.log(`ignored an unknown Slack action ${action.action_id}`);
    const session = ctx.sessionFor(body.user.id);
    const value = action.value ?? '';
    if (id === 'resolve') {
      // Not deferred: a trigger_id is good for 3 seconds only.
      await client.views.open({
        trigger_id: body.trigger_id,
        view: resolveModal({ incidentId: value, ...(body.response_url ? { responseUrl: body.response_url } : {}) }, session.user.lang),
      });
      return;
    }
    const responseUrl = body.response_url;
    ctx.later.run({
      about: { what: `button ${id} ${value}`, user: body.user.id, channel: body.channel?.id },
      async work(signal) {
        const reply = await dispatchAction({ id, value }, session);
        await answerPresser(client, body.user.id, responseUrl, slackMessage(reply, actionLang({ id, value }, session.user)), signal);
      },
    });
  });

  app.view(RESOLVE_CALLBACK_ID, async ({ view, body, ack, client }) => {
    const submission = readResolveSubmission(view);
    await ack();
    if (!submission) return ctx.log('ignored a resolve modal without an incident or summary');
    const session = ctx.sessionFor(body.user.id);
    ctx.later.run({
      about: { what: `resolve ${submission.incidentId}`, user: body.user.id },
      async work(signal) {
        const action = { id: 'resolve' as const, value: submission.incidentId, summary: submission.summary };
        const reply: BotReply = await dispatchAction(action, session);
        await answerPresser(client, body.user.id, submission.responseUrl, slackMessage(reply, actionLang(action, session.user)), signal);
      },
    });
  });
}

/** Below what was pressed, to the presser only; pressed somewhere without a response_url (the App Home), in their DM. */
async function answerPresser(client: WebClient, userId: string, responseUrl: string | undefined, message: SlackMessageArgs, signal: AbortSignal): Promise<void> {
  if (responseUrl) await postToResponseUrl(responseUrl, ephemeral(message), signal);
  else await client.chat.postMessage({ channel: userId, ...message });
}

function ephemeral(message: SlackMessageArgs): SlackMessageArgs & { response_type: 'ephemeral'; replace_original: false } {
  // Never replace the card the button sits on: the notifier owns it and keeps it current.
  return { response_type: 'ephemeral', replace_original: false, ...message };
}
