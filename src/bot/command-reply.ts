// Chat text that is a CLI command, answered by the CLI's own program: the
// same parser and the same verbs, whose result objects come back to be drawn
// richly where chat has a reply for the verb, or with the verb's own text
// presenter otherwise. Failures arrive as typed errors.
import type { Command } from 'commander';
import { isWatchfloorError } from '../core/errors.js';
import { metadataOf } from '../commands/metadata.js';
import type { Lang } from '../render/labels.js';
import { refusalFor } from './chat-policy.js';
import { commandErrorReply } from './chat-error.js';
import { chatProgram, runInChat, type ChatProgram } from './chat-program.js';
import { commandPath, leafCommands, type CommandPath } from './command-path.js';
import { messagesFor } from './messages.js';
import type { BotReply, ReplyAction } from './reply.js';
import type { ChatSession } from './session.js';
import { siteSlots, type SiteSlot } from './site-words.js';
import { textReply } from './text-reply.js';
import { tokenizeChat } from './tokenize.js';
import { verbReply } from './verb-replies.js';
import { withChart } from './reply-chart.js';

/** Is this the first word of a CLI command (or an option)? Then chat text is command grammar. */
export function startsCommand(program: Command, argv: readonly string[]): boolean {
  const first = argv[0];
  if (first === undefined) return false;
  return first.startsWith('-') || commandPath(program, [first]).names.length > 0;
}

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

/** `chat`: the program answer() already built to route the text, to save building it twice. */
export async function commandReply(argv: readonly string[], session: ChatSession, lang: Lang, chat: ChatProgram = chatProgram(session)): Promise<BotReply> {
  const { program } = chat;
  const path = commandPath(program, argv);
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const asksHelp = beforeDashes.some((t) => HELP_OR_VERSION.has(t));

  const refusal = refusalFor(path);
  if (refusal) {
    const m = messagesFor(lang);
    const what = path.names.length && !path.options.includes(refusal.what) ? path.names.join(' ') : refusal.what;
    return { kind: 'error', message: m.refused(what, refusal.why[lang]), hint: m.refusedHint, exitCode: 2 };
  }
  // A bare group (`incidents`) lists its verbs; a group with words after it
  // (`incidents in Makkah`) runs, so the parser's usage error lets the question be read as one.
  if (!asksHelp && !path.operands.length && (path.names.length === 0 || path.command.commands.length > 0)) {
    return helpReply(program, lang, path.names);
  }

  try {
    const run = await runInChat(chat, argv, lang);
    if (run.kind === 'said') return { kind: 'text', title: ['watchfloor', ...path.names].join(' '), text: run.text.trimEnd() };
    return withChart(verbReply(run.outcome, lang) ?? textReply(run.outcome, lang), run.outcome);
  } catch (e) {
    // A result that is also a failure (a run that waits for a person, or failed): its rich reply says more than the error.
    const presented = chat.presenter.outcome();
    return (presented && verbReply(presented, lang)) ?? suggestOrError(e, argv, path, lang);
  }
}

/** Where the suggested ids go: the command's one operand, else its one site option's value. */
function suggestionSlot(path: CommandPath): SiteSlot | undefined {
  if (path.operands.length === 1) return { index: path.operands[0]!, prefix: '' };
  const sites = siteSlots(path);
  return path.operands.length === 0 && sites.length === 1 ? sites[0] : undefined;
}

// A word with a space was one argument (quoted, or a site's words joined): it stays one when the button runs.
const asWord = (token: string) => (/\s/.test(token) ? `"${token.replace(/["“”]/g, '″')}"` : token);

// A site typed that matched several or none: offer the same command with each
// suggested id in its place instead of a bare error. The question is drawn
// from the error's details in the reply's language, never its English message.
function suggestOrError(e: unknown, argv: readonly string[], path: CommandPath, lang: Lang): BotReply {
  const details = isWatchfloorError(e) && e.code === 'not_found' ? e.details : undefined;
  const suggestions = details?.suggestions;
  const slot = suggestionSlot(path);
  if (!Array.isArray(suggestions) || !suggestions.length || !slot) return commandErrorReply(e);
  const typed = argv[slot.index]!.slice(slot.prefix.length);
  const choices: ReplyAction[] = suggestions.slice(0, 3).map((id) => {
    const command = argv.map((t, i) => (i === slot.index ? `${slot.prefix}${String(id)}` : asWord(t))).join(' ');
    return { id: 'run', label: command, value: command };
  });
  return { kind: 'did-you-mean', question: messagesFor(lang).choicesFor(typed, details?.ambiguous === true), choices };
}

// Questions chat understands beside the commands' own examples.
const QUESTIONS: Record<Lang, string[]> = {
  en: ["what's the wait at DMM", 'open incidents in Makkah'],
  ar: ['ما حالة مطار الملك خالد', 'كم وقت الانتظار في جسر الملك فهد', 'البلاغات المفتوحة في مكة'],
};

// Redirection, pipes, substitution and home paths: what a shell acts on, which chat would take as words.
const SHELL_SYNTAX = /[<>|;&`]|\$[({]|~\//;

/** An example a chat user can send as it is: no shell syntax, nothing chat refuses (a profile, a file on the bot's host). */
function runsInChat(program: Command, example: string): boolean {
  return !SHELL_SYNTAX.test(example) && !refusalFor(commandPath(program, tokenizeChat(example)));
}

/** The commands chat answers, read from the program: a new CLI command shows up here the day it lands. */
export function helpReply(program: Command, lang: Lang, under: readonly string[] = []): BotReply {
  const prefix = under.join(' ');
  const answered = leafCommands(program).filter(({ command }) => !refusalFor({ command, options: [] }));
  const commands = answered
    .filter(({ names }) => !prefix || names.join(' ').startsWith(`${prefix} `))
    .map(({ names, command }) => ({ usage: [...names, command.usage().replace(/^\[options\]\s*/, '')].join(' ').trim(), description: command.description() }));
  const examples = answered.flatMap(({ command }) => metadataOf(command).examples ?? []).filter((e) => runsInChat(program, e));
  return { kind: 'help', commands, examples: [...examples, ...QUESTIONS[lang]] };
}
