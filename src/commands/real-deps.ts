// The real dependencies, built once from the process by bin/watchfloor.js.
// The rooms a command may load (the hub and its playbook loader, the terminal UI,
// the chat bots, the emulator's control client) come from the entry, src/main.ts, which is the
// one place that wires them together.
import { InterruptedError } from '../core/errors.js';
import { createCliClient } from './client.js';
import { configDirFor, createConfigStore } from './config/store.js';
import type { Deps, Prompter } from './deps.js';

/** What only the entry can give: loaders of the rooms the commands must not import. */
export type Loaders = Pick<Deps, 'loadHub' | 'loadWatchUi' | 'loadChatBots' | 'loadSimControl' | 'loadPlaybookFiles'>;

export function createProcessDeps(loaders: Loaders): Deps {
  const env = process.env;
  const isStdoutTTY = Boolean(process.stdout.isTTY);
  const isStdinTTY = Boolean(process.stdin.isTTY);
  return {
    io: {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      isStdoutTTY,
      isStdinTTY,
      color: isStdoutTTY && !env.NO_COLOR && env.TERM !== 'dumb',
      width: process.stdout.columns || 100,
      height: process.stdout.rows || undefined,
      canPrompt: isStdinTTY && isStdoutTTY && !env.CI,
    },
    env,
    clock: { now: () => new Date() },
    config: createConfigStore(configDirFor(env, process.platform)),
    createClient: createCliClient,
    prompter: loadPrompter,
    ...loaders,
    waitForShutdown,
    writeTextFile: async (path, text) => (await import('node:fs/promises')).writeFile(path, text),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

async function loadPrompter(): Promise<Prompter> {
  const { select, input, confirm } = await import('@inquirer/prompts');
  return {
    select: (options) => interruptible(select(options)),
    input: (options) => interruptible(input(options)),
    confirm: (options) => interruptible(confirm(options)),
  };
}

// The listeners stay once the signal has come: conf's file writer (atomically,
// through when-exit) answers a signal by sending it to the process again, and
// with no listener left that second one would kill a hub mid-drain (exit 143).
// Signal listeners do not keep the process alive, so it still exits when done.
// Inquirer rejects with ExitPromptError on Ctrl-C; the person meant to stop, which is no bug.
async function interruptible<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') throw new InterruptedError('interrupted', { cause: e });
    throw e;
  }
}

function waitForShutdown(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    void readerGone.then(stop);
  });
}

// `watchfloor demo | head -3`: once the reader has what it wanted and closes the
// pipe, the next write fails with EPIPE. That is the reader saying "enough", as
// Ctrl-C is: a command that runs until stopped stops (and cleans up), and one
// that was only printing has nobody left to print to. Without a listener the
// stream's error would kill the process mid-write, before any cleanup.
const readerGone = new Promise<void>((resolve) => {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    resolve();
  });
});
