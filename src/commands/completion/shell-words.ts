// Shared pieces of the generated scripts: walking the typed words to the
// command path and the count of positional arguments given so far.
import { allCommands, type CommandSpec } from './tree.js';

export function valueFlags(program: CommandSpec): string[] {
  return [...new Set(allCommands(program).flatMap((c) => c.options).filter((o) => o.takesValue).flatMap((o) => o.flags))];
}

export function commandPaths(program: CommandSpec): string[] {
  return allCommands(program)
    .map((c) => c.path)
    .filter(Boolean);
}

/** The program's options that every subcommand accepts too (its own --help aside). */
export function inheritedOptions(program: CommandSpec): CommandSpec['options'] {
  return program.options.filter((o) => !o.flags.includes('--help'));
}
