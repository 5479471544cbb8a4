// Which language a chat reply is in, decided in one place for the text that is
// answered and the listener that draws the answer, so the two never differ:
// what the text asks for with `--lang`, else Arabic for Arabic text, else the
// user's own (the identity map's, or what their client says). A button keeps
// the language of the reply it sits on.
import type { Lang } from '../render/labels.js';
import { LANGS } from '../render/labels.js';
import type { BotReply, ChatUser } from './reply.js';
import { isArabicText } from './intents/words-of.js';
import { stripInvocation, tokenizeChat, unescapeSlackEntities } from './tokenize.js';

/** The language chat words ask for with `--lang ar` / `--lang=ar` (before any `--`), if they do. */
export function langAsked(argv: readonly string[]): Lang | undefined {
  let asked: Lang | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const token = argv[i]!;
    const value = token === '--lang' ? argv[i + 1] : token.startsWith('--lang=') ? token.slice('--lang='.length) : undefined;
    // The last one given counts, as for the parser; a value it would refuse asks for nothing.
    if (value !== undefined) asked = LANGS.find((l) => l === value) ?? asked;
  }
  return asked;
}

/** The language to answer chat text in: `--lang`, else Arabic text in Arabic, else the user's. */
export function replyLang(text: string, user: ChatUser): Lang {
  return langAsked(tokenizeChat(stripInvocation(unescapeSlackEntities(text)))) ?? (isArabicText(text) ? 'ar' : user.lang);
}

/**
 * The reply with its buttons' commands asking for the reply's language when
 * it is not the user's own: "status JED", offered after a question in Arabic,
 * answers in Arabic when pressed. The labels stay the commands as shown.
 */
export function buttonsInLang(reply: BotReply, lang: Lang, user: ChatUser): BotReply {
  if (reply.kind !== 'did-you-mean' || lang === user.lang) return reply;
  const choices = reply.choices.map((c) => (c.id !== 'run' || langAsked(tokenizeChat(c.value)) ? c : { ...c, value: `--lang ${lang} ${c.value}` }));
  return { ...reply, choices };
}
