// A BotReply as the message arguments Slack takes (chat.postMessage, a
// response_url post): the renderer's plain text for notifications, its blocks
// for the message itself.
import type { types } from '@slack/bolt';
import type { Lang } from '../../render/labels.js';
import type { BotReply } from '../reply.js';
import { renderSlack } from './blocks.js';

export interface SlackMessageArgs {
  text: string;
  blocks: types.KnownBlock[];
}

export function slackMessage(reply: BotReply, lang: Lang): SlackMessageArgs {
  const rendered = renderSlack(reply, lang);
  // B1's SlackBlock is the Block Kit JSON Slack documents; Bolt's KnownBlock types the same shapes.
  return { text: rendered.text, blocks: rendered.body as types.KnownBlock[] };
}
