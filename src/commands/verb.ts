// What a command is, as data (wrangler's declarative commands): its name,
// arguments and options, metadata, a `run` that returns a neutral result (and
// may emit events as it streams), and how the CLI presents that result. The
// CLI prints it; the chat bot receives the same object. Nothing here prints.
import type { Command } from 'commander';
import type { WatchfloorError } from '../core/errors.js';
import type { RenderContext } from '../render/view.js';
import type { VerbContext } from './context.js';
import type { CommandMetadata } from './metadata.js';
import type { WatchableView } from './watching/watchable.js';

/** Where a verb's result is shown in a terminal: the renderers' context, and the terminal's rows when known. */
export interface CliView extends RenderContext {
  /** Rows of the terminal, when stdout is one: a view that refreshes in place fits itself to them. */
  height?: number | undefined;
}

/** Somewhere a progress display draws (stderr), and what it needs to pace itself. */
export interface ProgressOutput {
  write(text: string): void;
  width: number;
  /** Milliseconds, for redrawing at most so often. */
  now(): number;
}

/** A progress display for one run: fed each event, erased at the end. */
export interface ProgressDisplay<Event> {
  event(event: Event): void;
  end(): void;
}

/** How the CLI shows a stream's events as they happen. Each returns undefined to show nothing for an event. */
export interface EventPresenter<Event> {
  text?(event: Event, view: CliView): string | undefined;
  json?(event: Event): unknown;
  /** Drawn on stderr only while a person watches a terminal (never piped, never with --json). */
  progress?(output: ProgressOutput): ProgressDisplay<Event>;
}

/** Where a verb's --json document holds its records (a list or one object), and their allowlist (render/json.ts). */
export interface JsonFieldSelection {
  key: string;
  fields: readonly string[];
}

/**
 * How the CLI shows a verb's result: pure functions of the result. The chat
 * bot uses `text` (and `note`) for any verb it has no richer reply for.
 */
export interface VerbPresenter<Result, Event = never> {
  /**
   * The result for a person; '' prints nothing on stdout. The CLI hands it (and
   * `note`, and each event to `events.text`) with every string made inert
   * (render/inert-text.ts), so outside text cannot drive the terminal.
   */
  text(result: Result, view: CliView): string;
  /** The result is watchfloor's own text, printed as it is (a shell completion script). */
  ownText?: boolean;
  /** A note for a person on stderr, text mode only, after the text: "no incidents match", a sweep's totals when piped. */
  note?(result: Result, view: CliView): string | undefined;
  /** The note introduces the text, so it comes first ("the secret is shown only once:"). */
  noteFirst?: boolean;
  /** The --json document (docs/json.md); undefined prints nothing. Without it, --json prints the text. */
  json?(result: Result): unknown;
  /** What `--json FIELDS` selects from (json-fields.ts); without it the verb takes no fields. */
  jsonFields?: JsonFieldSelection;
  /** --json output is JSON Lines: each event and the result one compact line, even on a terminal. */
  jsonLines?: boolean;
  events?: EventPresenter<Event>;
}

/**
 * One verb. `input` turns commander's parsed arguments and options into the
 * verb's input (a usage error for what commander cannot check); `run` does
 * the work through the context and never reads argv, the environment or
 * `process`; `present` is how the CLI prints what `run` returned.
 */
export interface VerbDefinition<Input, Result, Event = never, Args extends unknown[] = unknown[], Options = unknown> {
  name: string;
  description: string;
  metadata?: CommandMetadata;
  /** Hidden from help and completion (the shell's value helper). */
  hidden?: boolean;
  /** What its noun typed alone (or with options only) runs: `handover --shift 8h` is `handover issue --shift 8h`. */
  isDefault?: boolean;
  /** Its arguments and options, with commander's builders. */
  configure?(command: Command): void;
  input(args: Args, options: Options, command: Command): Input;
  run(input: Input, ctx: VerbContext<Event>): Promise<Result>;
  /** A result that is also a failure (a broken audit chain): thrown once the result is presented. */
  failure?(result: Result): WatchfloorError | undefined;
  present: VerbPresenter<Result, Event>;
  /** It takes `--watch`: a snapshot, then what changes, until stopped (watching/watch-verb.ts). */
  watch?: WatchableView<Input, Result>;
}

export type AnyVerb = VerbDefinition<any, any, any, any, any>;

export type InputOf<V> = V extends VerbDefinition<infer I, any, any, any, any> ? I : never;
export type ResultOf<V> = V extends VerbDefinition<any, infer R, any, any, any> ? R : never;
export type EventOf<V> = V extends VerbDefinition<any, any, infer E, any, any> ? E : never;

/** A group of verbs (`incidents`): it only names them. */
export interface NounDefinition {
  name: string;
  description: string;
  metadata?: CommandMetadata;
  /** Shorter names it answers to (`inc`), as kubectl's short names. */
  aliases?: readonly string[];
  verbs: readonly AnyVerb[];
}

export type CommandDefinition = AnyVerb | NounDefinition;

/** Typed in one place, so each verb's input, result and event types are inferred from its definition. */
export function defineVerb<Input, Result, Event = never, Args extends unknown[] = unknown[], Options = unknown>(
  verb: VerbDefinition<Input, Result, Event, Args, Options>,
): VerbDefinition<Input, Result, Event, Args, Options> {
  return verb;
}

export function defineNoun(noun: NounDefinition): NounDefinition {
  return noun;
}

export function isNoun(definition: CommandDefinition): definition is NounDefinition {
  return 'verbs' in definition;
}
