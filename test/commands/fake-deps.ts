// Fake dependencies for running commands through run(): captured output,
// a fixed clock, a config directory of the test's own, the real CoreClient
// (pointed wherever the test's env or flags say) and the real emulator
// control client; the hub, the watch UI and the chat bots only when given.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createCliClient } from '../../src/commands/client.js';
import { createConfigStore } from '../../src/commands/config/store.js';
import type { Deps, Prompter } from '../../src/commands/deps.js';
import type { ChatBotsModule } from '../../src/commands/bot/chat-bots-module.js';
import type { HubModule } from '../../src/commands/hub/hub-module.js';
import { run } from '../../src/commands/run.js';
import type { WatchUiModule } from '../../src/commands/watch/watch-ui-module.js';
import { loaders } from '../../src/main.js';

export const NOW = new Date('2025-03-01T06:30:00Z');

export interface FakeOptions {
  tty?: boolean;
  /** Stdin alone (default: as `tty`). */
  stdinTty?: boolean;
  color?: boolean;
  width?: number;
  height?: number;
  canPrompt?: boolean;
  env?: Record<string, string>;
  prompter?: Prompter;
  hub?: HubModule;
  watchUi?: WatchUiModule;
  chatBots?: ChatBotsModule;
  waitForShutdown?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export interface FakeRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeCli {
  deps: Deps;
  configDir: string;
  run(...argv: string[]): Promise<FakeRun>;
  cleanup(): void;
}

/** A loader of a room the test hands in; loading one it did not is a failure of the test. */
function givenOnly<T>(module: T | undefined, what: string): () => Promise<T> {
  return async () => {
    if (!module) throw new Error(`this test did not expect ${what} to load`);
    return module;
  };
}

export function fakeCli(options: FakeOptions = {}): FakeCli {
  const configDir = mkdtempSync(join(tmpdir(), 'wf-cmd-'));
  let out = '';
  let err = '';
  const deps: Deps = {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      stdin: Readable.from([]),
      isStdoutTTY: options.tty ?? false,
      isStdinTTY: options.stdinTty ?? options.tty ?? false,
      color: options.color ?? false,
      width: options.width ?? 100,
      height: options.height,
      canPrompt: options.canPrompt ?? false,
    },
    env: { WATCHFLOOR_CONFIG_DIR: configDir, ...options.env },
    clock: { now: () => NOW },
    config: createConfigStore(configDir),
    createClient: createCliClient,
    prompter: async () => {
      if (!options.prompter) throw new Error('this test did not expect a prompt');
      return options.prompter;
    },
    loadHub: givenOnly(options.hub, 'the hub'),
    loadWatchUi: givenOnly(options.watchUi, 'the watch UI'),
    loadChatBots: givenOnly(options.chatBots, 'the chat bots'),
    loadSimControl: loaders.loadSimControl,
    loadPlaybookFiles: loaders.loadPlaybookFiles,
    waitForShutdown: options.waitForShutdown ?? (() => Promise.resolve()),
    sleep: options.sleep ?? (() => Promise.resolve()),
  };
  return {
    deps,
    configDir,
    async run(...argv) {
      out = '';
      err = '';
      // A fresh config store per run, as a new process would have.
      deps.config = createConfigStore(configDir);
      const code = await run(argv, deps);
      return { code, stdout: out, stderr: err };
    },
    cleanup: () => rmSync(configDir, { recursive: true, force: true }),
  };
}
