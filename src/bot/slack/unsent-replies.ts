// A reply a stop cut off is logged, one line each: what was asked, by whom and
// where, so the person can be told to ask again. It is not kept for the next
// start: a response_url lives 30 minutes, and a status read minutes ago would
// be answered as if it were current. The line is inert: the words typed are
// quoted (newlines and control characters escaped), clipped, and any token
// pasted in them masked; the response_url, which grants posting, never appears.
import { redact } from '../../core/redact.js';
import type { ReplyAbout } from './after-ack.js';

const MAX_WORDS = 200;

const idOf = (id: string): string => id.replace(/[^\w.-]/g, '?').slice(0, 40);

export function unsentReplyLine(about: ReplyAbout): string {
  const words = redact(about.what);
  const shown = JSON.stringify(words.length > MAX_WORDS ? `${words.slice(0, MAX_WORDS)}…` : words);
  const where = about.channel ? ` in ${idOf(about.channel)}` : '';
  return `Slack reply not sent (the bot stopped): ${shown} from ${idOf(about.user)}${where}`;
}
