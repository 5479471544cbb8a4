// The CLI's dependencies as a chat request gets them: output captured as
// strings, no terminal, no prompts, no environment (the bot's WATCHFLOOR_TOKEN
// must never reach a command), no profiles, and every hub connection made
// for the chat user whatever the command asked for.
import { Readable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import type { ConfigStore } from '../commands/config/store.js';
import type { Deps } from '../commands/deps.js';
import { clientFor, type ChatSession } from './session.js';

export interface CapturedDeps {
  deps: Deps;
  stdout(): string;
  stderr(): string;
}

// Chat text wraps in the client; 80 columns keeps the CLI's tables readable on a phone.
const CHAT_WIDTH = 80;

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

export function chatDeps(session: ChatSession): CapturedDeps {
  let out = '';
  let err = '';
  const deps: Deps = {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
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
    createClient: () => clientFor(session),
    prompter: notInChat('a prompt'),
    loadHub: notInChat('starting a hub'),
    loadWatchUi: notInChat('the terminal UI'),
    loadChatBots: notInChat('starting a chat bot'),
    loadSimControl: notInChat('the device emulator'),
    waitForShutdown: () => Promise.resolve(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  return { deps, stdout: () => out, stderr: () => err };
}
