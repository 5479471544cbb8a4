// What a verb's action works with: the global options, where output goes,
// and the hub connection, all resolved lazily so `--help` loads nothing.
import type { Command } from 'commander';
import type { CoreClient } from '../core/client.js';
import type { Lang } from '../render/labels.js';
import type { RenderContext } from '../render/view.js';
import { resolveConnection } from './config/connection.js';
import type { Connection, Deps } from './deps.js';

export interface GlobalOptions {
  json: boolean;
  color: boolean;
  lang: Lang;
  profile: string | undefined;
  hub: string | undefined;
  token: string | undefined;
  debug: boolean;
}

export interface CommandContext {
  readonly deps: Deps;
  readonly globals: GlobalOptions;
  /** How human output should look on this stdout. */
  readonly view: RenderContext;
  /** A person can answer a prompt: a terminal, not CI, not --json. */
  readonly canPrompt: boolean;
  connection(): Connection & { profile: string };
  client(): CoreClient;
  /** Data for stdout; a trailing newline is added. */
  print(text: string): void;
  printJson(value: unknown): void;
  /** Progress and hints for a person: stderr, never stdout. */
  info(text: string): void;
  close(): Promise<void>;
}

export function globalOptionsOf(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<Partial<GlobalOptions>>();
  return {
    json: o.json === true,
    color: o.color !== false,
    lang: o.lang === 'ar' ? 'ar' : 'en',
    profile: o.profile,
    hub: o.hub,
    token: o.token,
    debug: o.debug === true,
  };
}

export function createContext(command: Command, deps: Deps): CommandContext {
  const globals = globalOptionsOf(command);
  const { io } = deps;
  let client: CoreClient | undefined;
  let connection: (Connection & { profile: string }) | undefined;
  const tty = io.isStdoutTTY && !globals.json;
  return {
    deps,
    globals,
    view: {
      tty,
      color: tty && io.color && globals.color && !deps.env.NO_COLOR,
      width: io.width,
      lang: globals.lang,
      now: deps.clock.now(),
    },
    canPrompt: io.canPrompt && !globals.json && !deps.env.CI,
    connection() {
      connection ??= resolveConnection(globals, deps.env, deps.config.read());
      return connection;
    },
    client() {
      client ??= deps.createClient(this.connection());
      return client;
    },
    print(text) {
      io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    printJson(value) {
      // One document per line when piped (scripts read lines); indented for a person.
      io.stdout.write(`${JSON.stringify(value, null, io.isStdoutTTY ? 2 : undefined)}\n`);
    },
    info(text) {
      io.stderr.write(`${text}\n`);
    },
    async close() {
      await client?.close();
    },
  };
}

/**
 * Wraps a verb's handler for commander: builds its context from the command
 * commander passes last, and closes the hub connection however it ends.
 */
export function action<A extends unknown[]>(
  deps: Deps,
  handler: (ctx: CommandContext, ...args: A) => Promise<void>,
): (...params: unknown[]) => Promise<void> {
  return async (...params) => {
    const command = params[params.length - 1] as Command;
    const ctx = createContext(command, deps);
    try {
      await handler(ctx, ...(params.slice(0, -1) as A));
    } finally {
      await ctx.close();
    }
  };
}
