// Hints and messages name the CLI — "see `watchfloor --help`", "list them
// with `watchfloor incidents list`" — because the core, the hub and the CLI
// share them. In chat the thing to type is the chat form (`/wf incidents list`
// in Slack, `@watchfloor incidents list` in Teams), so each reply is mapped
// once, here, on its way out; no message is written twice. A command chat
// refuses (`watchfloor config set token …`) keeps its CLI form: it is to be
// run in a terminal.
import type { Command } from 'commander';
import { refusalFor } from './chat-policy.js';
import { commandPath } from './command-path.js';
import type { BotReply, ChatUser } from './reply.js';
import { tokenizeChat } from './tokenize.js';

/** How a person invokes the bot on each platform. */
const CHAT_FORM: Record<ChatUser['platform'], (command: string) => string> = {
  slack: (command) => `/wf ${command}`,
  // Teams has no slash commands: the bot is mentioned in a channel (in a 1:1 chat the mention is optional).
  teams: (command) => `@watchfloor ${command}`,
};

const CLI_COMMAND = /`watchfloor(?: ([^`]*))?`/g;

/** One text with every `watchfloor …` it quotes as the chat command to type instead. */
export function chatCommandText(text: string, program: Command, platform: ChatUser['platform']): string {
  return text.replace(CLI_COMMAND, (quoted, words: string | undefined) => {
    const argv = tokenizeChat(words ?? '');
    // `watchfloor --help`, `watchfloor incidents --help`: chat's help takes the words instead.
    const help = argv.length === 0 || argv.at(-1) === '--help' || argv.at(-1) === '-h';
    const asked = help ? argv.filter((t) => t !== '--help' && t !== '-h') : argv;
    if (!help && refusalFor(commandPath(program, asked))) return quoted;
    const command = help ? ['help', ...asked].join(' ') : (words ?? '').trim();
    return `\`${CHAT_FORM[platform](command)}\``;
  });
}

/** The reply with the hints and messages it carries in the chat form of the user's platform. */
export function inChatForm(reply: BotReply, program: Command, platform: ChatUser['platform']): BotReply {
  const map = (text: string) => chatCommandText(text, program, platform);
  switch (reply.kind) {
    case 'error':
      return { ...reply, message: map(reply.message), ...(reply.hint ? { hint: map(reply.hint) } : {}) };
    case 'did-you-mean':
      return { ...reply, question: map(reply.question) };
    default:
      return reply;
  }
}
