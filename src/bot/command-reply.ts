// Chat text that is a CLI command, answered by the CLI itself: the same
// program, the same parser, the same handlers, with output captured. Rich
// replies come from --json; any other command answers with its text output.
import type { Command } from 'commander';
import { metadataOf } from '../commands/metadata.js';
import { buildProgram } from '../commands/program.js';
import { run } from '../commands/run.js';
import type { Lang } from '../render/labels.js';
import { chatDeps } from './chat-deps.js';
import { refusalFor } from './chat-policy.js';
import { errorReply, parseJsonError } from './chat-error.js';
import { commandPath, leafCommands } from './command-path.js';
import { JSON_REPLIES } from './json-replies.js';
import { messagesFor } from './messages.js';
import type { BotReply, ReplyAction } from './reply.js';
import type { ChatSession } from './session.js';

/** The program chat parses with: the CLI's own, built over chat deps. */
export function chatProgram(session: ChatSession): Command {
  return buildProgram(chatDeps(session).deps);
}

/** Is this the first word of a CLI command (or an option)? Then chat text is command grammar. */
export function startsCommand(program: Command, argv: readonly string[]): boolean {
  const first = argv[0];
  if (first === undefined) return false;
  return first.startsWith('-') || commandPath(program, [first]).names.length > 0;
}

const HELP_OR_VERSION = new Set(['-h', '--help', '-V', '--version']);

/** `program`: the one answer() already built to route the text, to save building it twice. */
export async function commandReply(argv: readonly string[], session: ChatSession, lang: Lang, program = chatProgram(session)): Promise<BotReply> {
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

  const rich = asksHelp ? undefined : JSON_REPLIES[path.names.join(' ')];
  const captured = chatDeps(session);
  const code = await run(rich ? ['--json', '--lang', lang, ...argv] : ['--lang', lang, ...argv], captured.deps);
  if (code !== 0) return rich ? suggestOrError(code, captured.stderr(), argv, path.operands) : errorReply(code, captured.stderr());
  if (rich) return rich({ stdout: captured.stdout(), argv, operands: path.operands, lang });
  // Some commands say "no incidents match" on stderr and print nothing: chat shows that.
  const text = captured.stdout().trimEnd() || captured.stderr().trimEnd();
  return { kind: 'text', title: ['watchfloor', ...path.names].join(' '), text };
}

// A site typed that matched several or none: when the command had one operand,
// offer the same command with each suggested site instead of a bare error.
function suggestOrError(code: number, stderr: string, argv: readonly string[], operands: readonly number[]): BotReply {
  const error = parseJsonError(stderr);
  const suggestions = error?.code === 'not_found' ? error.details?.suggestions : undefined;
  if (!Array.isArray(suggestions) || !suggestions.length || operands.length !== 1) return errorReply(code, stderr);
  const at = operands[0]!;
  const choices: ReplyAction[] = suggestions.slice(0, 3).map((id) => {
    const command = argv.map((t, i) => (i === at ? String(id) : t)).join(' ');
    return { id: 'run', label: command, value: command };
  });
  return { kind: 'did-you-mean', question: error!.message, choices };
}

// Questions chat understands beside the commands' own examples.
const QUESTIONS: Record<Lang, string[]> = {
  en: ["what's the wait at DMM", 'open incidents in Makkah'],
  ar: ['ما حالة مطار الملك خالد', 'كم وقت الانتظار في جسر الملك فهد', 'البلاغات المفتوحة في مكة'],
};

/** The commands chat answers, read from the program: a new CLI command shows up here the day it lands. */
export function helpReply(program: Command, lang: Lang, under: readonly string[] = []): BotReply {
  const prefix = under.join(' ');
  const answered = leafCommands(program).filter(({ command }) => !refusalFor({ command, options: [] }));
  const commands = answered
    .filter(({ names }) => !prefix || names.join(' ').startsWith(`${prefix} `))
    .map(({ names, command }) => ({ usage: [...names, command.usage().replace(/^\[options\]\s*/, '')].join(' ').trim(), description: command.description() }));
  const examples = answered.flatMap(({ command }) => metadataOf(command).examples ?? []);
  return { kind: 'help', commands, examples: [...examples, ...QUESTIONS[lang]] };
}
