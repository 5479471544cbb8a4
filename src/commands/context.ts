// What a verb's `run` works with: the global options, the dependencies, the
// hub connection (resolved lazily, so `--help` loads nothing), and where its
// streamed events go. No printing: results go back to the caller.
import type { Command } from 'commander';
import type { CoreClient } from '../core/client.js';
import type { Lang } from '../render/labels.js';
import { inertText } from '../render/inert-text.js';
import { resolveConnection } from './config/connection.js';
import type { Connection, Deps } from './deps.js';
import { warnOnce } from './expiry-warning.js';
import { jsonFieldsOf } from './json-flag.js';

export interface GlobalOptions {
  json: boolean;
  /** `--json id,title`: only these fields of each record; undefined for the whole document. */
  jsonFields: string[] | undefined;
  /** `-o wide` on a list view: more columns (and the facts they need fetched). */
  wide: boolean;
  color: boolean;
  lang: Lang;
  profile: string | undefined;
  hub: string | undefined;
  token: string | undefined;
  ca: string | undefined;
  insecure: boolean;
  debug: boolean;
}

export interface VerbContext<Event = never> {
  readonly deps: Deps;
  readonly globals: GlobalOptions;
  /** A person can answer a prompt: a terminal, not CI, not --json. */
  readonly canPrompt: boolean;
  /** Whoever shows the events draws progress as they come (a person at a terminal): worth a call to size it. */
  readonly showsProgress: boolean;
  connection(): Connection & { profile: string };
  client(): CoreClient;
  /** One streamed event, shown as it happens (a line in the CLI; kept for the reply in chat). */
  emit(event: Event): void;
  /** A note for a person (what was stored where, a retry): stderr in a terminal, nowhere in chat. */
  info(text: string): void;
}

export function globalOptionsOf(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<Partial<Omit<GlobalOptions, 'json' | 'wide'>> & { json?: boolean | string; output?: string }>();
  return {
    // `-o json` is --json said as kubectl users say it (output-option.ts).
    json: (o.json !== undefined && o.json !== false) || o.output === 'json',
    jsonFields: jsonFieldsOf(o.json),
    wide: o.output === 'wide',
    color: o.color !== false,
    lang: o.lang === 'ar' ? 'ar' : 'en',
    profile: o.profile,
    hub: o.hub,
    token: o.token,
    ca: o.ca,
    insecure: o.insecure === true,
    debug: o.debug === true,
  };
}

/** A verb's context and the one thing its caller must do after: close the hub connection. */
export function createContext<Event>(
  globals: GlobalOptions,
  deps: Deps,
  events: { emit(event: Event): void; showsProgress: boolean },
): VerbContext<Event> & { close(): Promise<void> } {
  let client: CoreClient | undefined;
  let connection: (Connection & { profile: string }) | undefined;
  return {
    deps,
    globals,
    canPrompt: deps.io.canPrompt && !globals.json && !deps.env.CI,
    showsProgress: events.showsProgress,
    connection() {
      connection ??= resolveConnection(globals, deps.env, deps.config.read());
      return connection;
    },
    client() {
      client ??= deps.createClient({ ...this.connection(), onTokenExpiry: warnOnce((line) => this.info(line), () => deps.clock.now()) });
      return client;
    },
    emit: (event) => events.emit(event),
    info(text) {
      // Log lines (a hub's, a bot's) carry request paths and error messages from outside.
      deps.io.stderr.write(`${inertText(text)}\n`);
    },
    async close() {
      await client?.close();
    },
  };
}
