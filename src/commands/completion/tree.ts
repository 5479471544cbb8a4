// The command tree as completion scripts need it, read from commander itself
// so a new command or option completes without anyone touching the scripts.
import type { Command, Help, Option } from 'commander';
import { verbOf } from '../register.js';
import { completesFiles, completesJsonFields, dynamicSourceOf, type DynamicSource } from './dynamic.js';

export interface ValueSpec {
  choices: string[];
  source: DynamicSource | undefined;
  /** File names complete here. */
  files: boolean;
}

export interface OptionSpec extends ValueSpec {
  flags: string[];
  takesValue: boolean;
  /** The value may be left out (`--json` or `--json=id,title`), so the next word is never taken as it. */
  optionalValue: boolean;
  description: string;
  /** Its value is a comma list of the fields of the verb typed (CommandSpec.jsonFields). */
  jsonFields: boolean;
}

export interface CommandSpec {
  /** "" for the program, then "/incidents", "/incidents/ack", … */
  path: string;
  name: string;
  /** Other names it answers to (`inc`, `ls`). */
  aliases: string[];
  description: string;
  subcommands: CommandSpec[];
  /** This command's own options (the program's are the global ones). */
  options: OptionSpec[];
  /** Positional arguments, in order; a variadic one last. */
  arguments: ValueSpec[];
  /** The fields `--json FIELDS` selects from for this verb (json-fields.ts); none for a noun or a verb without them. */
  jsonFields: string[];
}

export function commandSpec(command: Command, parentPath = ''): CommandSpec {
  const help = command.createHelp();
  const path = parentPath === '' && !command.parent ? '' : `${parentPath}/${command.name()}`;
  return {
    path,
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    subcommands: visibleSubcommands(help, command).map((c) => commandSpec(c, path)),
    options: help.visibleOptions(command).map(optionSpec),
    arguments: command.registeredArguments.map((a) => ({ choices: a.argChoices ?? [], source: dynamicSourceOf(a), files: completesFiles(a) })),
    jsonFields: [...(verbOf(command)?.present.jsonFields?.fields ?? [])],
  };
}

// Commander's implicit `help` command stays out: `--help` completes everywhere.
function visibleSubcommands(help: Help, command: Command): Command[] {
  return help.visibleCommands(command).filter((c) => c.name() !== 'help' || command.commands.includes(c));
}

function optionSpec(option: Option): OptionSpec {
  return {
    flags: [option.long, option.short].filter((f): f is string => Boolean(f)),
    takesValue: option.required || option.optional,
    optionalValue: option.optional,
    description: option.description,
    choices: option.argChoices ?? [],
    source: dynamicSourceOf(option),
    files: completesFiles(option),
    jsonFields: completesJsonFields(option),
  };
}

export function allCommands(spec: CommandSpec): CommandSpec[] {
  return [spec, ...spec.subcommands.flatMap(allCommands)];
}
