// Shared pieces of the generated scripts: walking the typed words to the
// command path and the count of positional arguments given so far.
import { allCommands, type CommandSpec } from './tree.js';

/** Flags whose value is the next word (an optional value is only ever given as `--flag=value`). */
export function valueFlags(program: CommandSpec): string[] {
  return [...new Set(allCommands(program).flatMap((c) => c.options).filter((o) => o.takesValue && !o.optionalValue).flatMap((o) => o.flags))];
}

/** Each command's path with every way to type it (aliases), e.g. ['/incidents', ['/incidents', '/inc']]. */
export function commandPaths(program: CommandSpec): Array<[string, string[]]> {
  return allCommands(program)
    .filter((c) => c.path)
    .map((c) => {
      const parent = c.path.slice(0, c.path.lastIndexOf('/'));
      return [c.path, [c.name, ...c.aliases].map((n) => `${parent}/${n}`)];
    });
}

/** The global options the value helper must see to ask the same hub (`--profile`, `--hub`, `--token`). */
export const CONNECTION_FLAGS = ['--profile', '--hub', '--token'] as const;

/** The program's options that every subcommand accepts too (its own --help aside). */
export function inheritedOptions(program: CommandSpec): CommandSpec['options'] {
  return program.options.filter((o) => !o.flags.includes('--help'));
}

/** The flags whose value is a list of the typed verb's --json fields (`--json`). */
export function jsonFieldFlags(program: CommandSpec): string[] {
  return program.options.filter((o) => o.jsonFields).flatMap((o) => o.flags);
}

/** Every field some verb publishes: a word after `--json` made only of these is its value, as settleJsonFlag reads it. */
export function publishedFields(program: CommandSpec): string[] {
  return [...new Set(allCommands(program).flatMap((c) => c.jsonFields))].sort();
}

/** The verbs that publish fields, each with its own. */
export function fieldCommands(program: CommandSpec): CommandSpec[] {
  return allCommands(program).filter((c) => c.jsonFields.length > 0);
}
