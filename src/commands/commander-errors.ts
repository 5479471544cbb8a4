// What commander's own throws mean, the same for the CLI's runner and the chat
// bot: a parse error is a usage error whose hint points at the help of the
// command that found it; help and the version, already shown, are no failure.
import { CommanderError } from 'commander';
import { UsageError } from '../core/errors.js';
import { commandOfError, typedName } from './command-class.js';

/** Commander's parse errors (unknown command, missing argument, bad choice) as the usage errors they are. */
export function parseErrorAsUsage(e: CommanderError): UsageError {
  // One line of error; commander's further lines ("(Did you mean status?)") lead the hint.
  const [first = '', ...more] = e.message.replace(/^error: /, '').split('\n');
  const suggestion = more.map((l) => l.trim()).filter(Boolean).join(' ');
  const from = commandOfError(e);
  const help = from ? `${typedName(from)} --help` : 'watchfloor --help';
  return new UsageError(first, { hint: `${suggestion ? `${suggestion} ` : ''}see \`${help}\`` });
}

/**
 * Commander throws for help and the version too, having shown them: those are
 * no failure. That includes a noun typed without a verb (`watchfloor incidents`),
 * which shows the noun's help, as gh and kubectl do.
 */
export function isHelpOrVersion(e: unknown): boolean {
  return (
    e instanceof CommanderError &&
    (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
  );
}
