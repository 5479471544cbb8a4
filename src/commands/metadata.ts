// Metadata on each command and global option, instead of lists kept by hand
// elsewhere: whether chat may run it and, if not, why (in each language chat
// answers in), and examples for its help. The metadata lives on the commander
// objects themselves, so the chat bot (and its tests) read it from the tree.
import type { Command, Option } from 'commander';
import type { Lang } from '../render/labels.js';

/** Why chat refuses something, as the bot says it in each language. */
export type ChatRefusal = Record<Lang, string>;

export interface CommandMetadata {
  /** Set when chat must not run this command (or, on a noun, any of its verbs). Unset: chat answers it. */
  refusedInChat?: ChatRefusal;
  /** Command lines (without `watchfloor`) shown under its help and in the chat bot's help. */
  examples?: readonly string[];
}

const METADATA = Symbol('watchfloor.metadata');

type Marked = { [METADATA]?: CommandMetadata };

export function attachMetadata<T extends Command | Option>(target: T, metadata: CommandMetadata | undefined): T {
  if (metadata) (target as T & Marked)[METADATA] = metadata;
  return target;
}

export function metadataOf(target: Command | Option): CommandMetadata {
  return (target as (Command | Option) & Marked)[METADATA] ?? {};
}

/** A global option chat must refuse (`--token`: a token typed in chat is a leaked token). */
export function refuseInChat(option: Option, why: ChatRefusal): Option {
  return attachMetadata(option, { refusedInChat: why });
}

/** The command, or the noun above it, that chat refuses, with why; undefined when chat may run it. */
export function chatRefusalOf(command: Command): { refused: Command; why: ChatRefusal } | undefined {
  for (let c: Command | null = command; c; c = c.parent) {
    const why = metadataOf(c).refusedInChat;
    if (why) return { refused: c, why };
  }
  return undefined;
}

/** "Examples:" under a command's help, from its metadata. */
export function examplesHelp(examples: readonly string[]): string {
  return `\nExamples:\n${examples.map((e) => `  watchfloor ${e}`).join('\n')}\n`;
}
