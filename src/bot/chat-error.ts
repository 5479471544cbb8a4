// A failure as an error reply, from the typed error itself: its message, hint
// and exit code, never the words a terminal would have printed. Commander's
// parse errors are usage errors, as in the CLI.
import { CommanderError } from 'commander';
import { isWatchfloorError, type WatchfloorError } from '../core/errors.js';
import { parseErrorAsUsage } from '../commands/commander-errors.js';
import type { BotReply } from './reply.js';

export type ErrorReply = Extract<BotReply, { kind: 'error' }>;

export function typedErrorReply(e: WatchfloorError): ErrorReply {
  return { kind: 'error', message: e.message, ...(e.hint ? { hint: e.hint } : {}), exitCode: e.exitCode };
}

/** What a command's failure says in chat: the typed error's words, or (a bug) the error's own message. */
export function commandErrorReply(e: unknown): ErrorReply {
  const failure = e instanceof CommanderError ? parseErrorAsUsage(e) : e;
  if (isWatchfloorError(failure)) return typedErrorReply(failure);
  return { kind: 'error', message: failure instanceof Error ? failure.message : String(failure), exitCode: 1 };
}
