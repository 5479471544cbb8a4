// The CLI's dependencies as a chat request gets them: no terminal, no
// prompts, no environment (the bot's WATCHFLOOR_TOKEN must never reach a
// command), no profiles, none of the rooms a terminal command loads, and every
// hub connection made for the chat user whatever the command asked for.
// Nothing is captured: results come back through the outcome presenter.
import { Readable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import type { ConfigStore } from '../commands/config/store.js';
import type { Deps } from '../commands/deps.js';
import { clientFor, type ChatSession } from './session.js';

// Commander wraps help to this; the text replies of the CLI's tables read on a phone.
export const CHAT_WIDTH = 80;

const NO_PROFILES: ConfigStore = {
  dir: '',
  read: () => ({}),
  update: async () => {
    throw new UsageError('chat has no local profiles to change');
  },
};

const notInChat = (what: string) => async (): Promise<never> => {
  throw new UsageError(`${what} is not available in chat`);
};

/** `session`: the request's, or where to look it up when a hub call is made (a program used again, chat-program-pool.ts). */
export function chatDeps(session: ChatSession | (() => ChatSession)): Deps {
  return {
    io: {
      // A verb's output reaches chat as its result, never as printed text.
      stdout: {
        write: () => {
          throw new Error('a command wrote to stdout in chat; its output should come back as its result');
        },
      },
      // Notes for a person at a terminal (progress, retries): chat has no such person.
      stderr: { write: () => true },
      stdin: Readable.from([]),
      isStdoutTTY: false,
      isStdinTTY: false,
      color: false,
      width: CHAT_WIDTH,
      canPrompt: false,
    },
    env: {},
    clock: { now: () => new Date() },
    config: NO_PROFILES,
    createClient: () => clientFor(typeof session === 'function' ? session() : session),
    prompter: notInChat('a prompt'),
    loadHub: notInChat('starting a hub'),
    loadWatchUi: notInChat('the terminal UI'),
    loadChatBots: notInChat('starting a chat bot'),
    loadSimControl: notInChat('the device emulator'),
    loadPlaybookFiles: notInChat("checking files on the bot's host"),
    waitForShutdown: () => Promise.resolve(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
