// The one entry point for chat text (a slash command, a mention, a DM): the
// CLI's command grammar first; free-text questions when the text is not a
// command. Never throws: whatever goes wrong is an error reply.
import { isWatchfloorError } from '../core/errors.js';
import type { Lang } from '../render/labels.js';
import { typedErrorReply } from './chat-error.js';
import { inChatForm } from './chat-hints.js';
import { leaseChatProgram } from './chat-program-pool.js';
import type { ChatProgram } from './chat-program.js';
import { commandReply, helpReply, startsCommand } from './command-reply.js';
import { intentReply } from './intents/intent-reply.js';
import type { BotReply } from './reply.js';
import { buttonsInLang, replyLang } from './reply-lang.js';
import type { ChatSession } from './session.js';
import { joinSiteWords } from './site-words.js';
import { stripInvocation, tokenizeChat, unescapeSlackEntities } from './tokenize.js';

const HELP_WORDS = new Set(['help', '?', 'مساعدة', 'مساعده']);

export async function answer(text: string, session: ChatSession): Promise<BotReply> {
  const lang = replyLang(text, session.user);
  const chat = leaseChatProgram(session);
  try {
    const reply = await answerWith(chat, text, session, lang);
    return buttonsInLang(inChatForm(reply, chat.program, session.user.platform), lang, session.user);
  } catch (e) {
    return unexpected(e);
  } finally {
    chat.release();
  }
}

async function answerWith(chat: ChatProgram, text: string, session: ChatSession, lang: Lang): Promise<BotReply> {
  const body = stripInvocation(unescapeSlackEntities(text));
  const argv = tokenizeChat(body);
  if (!argv.length || HELP_WORDS.has(argv[0]!.toLowerCase())) return helpReply(chat.program, lang, argv.slice(1));
  if (!startsCommand(chat.program, argv)) return intentReply(body, session, lang);

  const joined = joinSiteWords(chat.program, argv);
  const reply = await commandReply(joined, session, lang, chat);
  // "status of jeddah airport" starts like a command but is a question: when
  // the grammar refuses it as malformed, or the words taken for a site's name
  // name no site, a question that reads clearly wins.
  const malformed = reply.kind === 'error' && reply.exitCode === 2;
  const noSuchName = joined.length < argv.length && (reply.kind === 'did-you-mean' || (reply.kind === 'error' && reply.exitCode === 4));
  if ((malformed || noSuchName) && argv.length > 1) {
    const asked = await intentReply(body, session, lang);
    if (asked.kind !== 'did-you-mean' && asked.kind !== 'error') return asked;
  }
  return reply;
}

export function unexpected(e: unknown): BotReply {
  if (isWatchfloorError(e)) return typedErrorReply(e);
  return { kind: 'error', message: `the bot failed: ${e instanceof Error ? e.message : String(e)}`, exitCode: 1 };
}
