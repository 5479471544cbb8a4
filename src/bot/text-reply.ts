// A verb chat has no rich reply for answers with the verb's own text
// presenter applied to its result (and its events' lines, as the CLI would
// print them piped): a pure function, so a verb added to the CLI later is
// answered in chat with no change here.
import type { VerbOutcome } from '../commands/outcome-presenter.js';
import type { CliView } from '../commands/verb.js';
import type { Lang } from '../render/labels.js';
import { CHAT_WIDTH } from './chat-deps.js';
import type { BotReply } from './reply.js';

/** How a verb's text looks in chat: as piped (plain, untruncated rows), no colour, phone width. */
export function chatView(lang: Lang, now = new Date()): CliView {
  return { tty: false, color: false, width: CHAT_WIDTH, lang, now };
}

export function textReply({ path, verb, events, result }: VerbOutcome, lang: Lang): BotReply {
  const view = chatView(lang);
  const present = verb.present;
  const lines = events.map((e) => present.events?.text?.(e, view)).filter((t): t is string => t !== undefined);
  const text = [...lines, present.text(result, view)].filter(Boolean).join('\n').trimEnd();
  // Some verbs say "no incidents match" as a note and print nothing: chat shows the note.
  return { kind: 'text', title: ['watchfloor', ...path].join(' '), text: text || (present.note?.(result, view)?.trimEnd() ?? '') };
}
