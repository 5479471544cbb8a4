// The one dependencies object every command receives. The real one is built
// once from the process in real-deps.ts; tests and the chat bot build their
// own (fake streams, fixed clock, a CoreClient at a local server). The other
// rooms a command may need (hub, terminal UI, chat bots, emulator control)
// come in as loaders, so src/commands imports none of them.
import type { CoreClient } from '../core/client.js';
import type { ChatBotsModule } from './bot/chat-bots-module.js';
import type { ConfigStore } from './config/store.js';
import type { HubModule } from './hub/hub-module.js';
import type { PlaybookFilesModule } from './playbook/playbook-files-module.js';
import type { SimControlModule } from './sim/sim-control-module.js';
import type { WatchUiModule } from './watch/watch-ui-module.js';

export interface TextSink {
  write(chunk: string): unknown;
}

export interface IO {
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream;
  isStdoutTTY: boolean;
  isStdinTTY: boolean;
  /** Colour allowed before --no-color is considered (TTY, no NO_COLOR, not a dumb terminal). */
  color: boolean;
  width: number;
  /** Terminal rows, when stdout is a terminal: a refreshing view fits itself to them. */
  height?: number;
  /** A person is there to answer a prompt (stdin and stdout are terminals, not CI). */
  canPrompt: boolean;
}

export interface Clock {
  now(): Date;
}

export interface Connection {
  hubUrl: string;
  token: string | undefined;
  /** A PEM file of the CA (or the certificate itself) an https:// hub is trusted by, beside the system's. */
  ca?: string | undefined;
  /** Send the token over plain HTTP to a hub off this machine all the same. */
  insecure?: boolean;
  /** Shorter limits for calls a person is waiting on mid-keystroke (completion). */
  timeoutMs?: number;
  /** Told the token's expiry when the hub says it is near. */
  onTokenExpiry?: (expiresAt: string) => void;
  /** What the hub records as the front end (default cli; the watch UI says tui). */
  channel?: 'cli' | 'tui';
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** Prompts as plain functions returning Promises, so commands never touch inquirer. */
export interface Prompter {
  select<T>(options: { message: string; choices: Choice<T>[] }): Promise<T>;
  input(options: { message: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

export interface Deps {
  io: IO;
  env: Readonly<Record<string, string | undefined>>;
  clock: Clock;
  /** Reads the config file on first use; loads `conf` only to write. */
  config: ConfigStore;
  createClient(connection: Connection): CoreClient;
  prompter(): Promise<Prompter>;
  /** Loads the hub (fastify, SQLite) — only `hub start` and `demo` call it. */
  loadHub(): Promise<HubModule>;
  /** Loads the terminal UI (Ink, React) — only `watch` and `demo` call it. */
  loadWatchUi(): Promise<WatchUiModule>;
  /** Loads the chat bots (Bolt, botbuilder as each platform starts) — only `bot` calls it. */
  loadChatBots(): Promise<ChatBotsModule>;
  /** Loads the device emulator's control client — only the `sim` drill commands call it. */
  loadSimControl(): Promise<SimControlModule>;
  /** Loads the hub's playbook loader (yaml, zod) — only `playbook validate` calls it, to check files with no hub. */
  loadPlaybookFiles(): Promise<PlaybookFilesModule>;
  /** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
  waitForShutdown(): Promise<void>;
  /** Writes a file a command was told to write (`playbook report --out`); chat has none. */
  writeTextFile?(path: string, text: string): Promise<void>;
  /** A timer, injected so refresh loops can be tested without waiting. */
  sleep(ms: number): Promise<void>;
}
