// What commander's own throws mean, the same for the CLI's runner and the chat
// bot: a parse error is a usage error; help and the version, already shown,
// are no failure.
import { CommanderError } from 'commander';
import { UsageError } from '../core/errors.js';

/** Commander's parse errors (unknown command, missing argument, bad choice) as the usage errors they are. */
export function parseErrorAsUsage(e: CommanderError): UsageError {
  // One line of error; commander's further lines ("(Did you mean status?)") lead the hint.
  const [first = '', ...more] = e.message.replace(/^error: /, '').split('\n');
  const suggestion = more.map((l) => l.trim()).filter(Boolean).join(' ');
  return new UsageError(first, { hint: `${suggestion ? `${suggestion} ` : ''}see \`watchfloor --help\`` });
}

/** Commander throws for help and the version too, having shown them: those are no failure. */
export function isHelpOrVersion(e: unknown): boolean {
  return e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.version');
}
