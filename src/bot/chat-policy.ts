// What the CLI can do that chat must not, read from the metadata on each
// command and global option (src/commands/metadata.ts): anything not marked
// there is answered in chat the day it lands in the CLI.
import type { Command, Option } from 'commander';
import { chatRefusalOf, metadataOf, type ChatRefusal } from '../commands/metadata.js';
import { commandNames } from '../commands/register.js';
import { leafCommands, type CommandPath } from './command-path.js';

export interface Refusal {
  /** The refused command's path (`tokens create`, `hub`) or global option (`--token`). */
  what: string;
  why: ChatRefusal;
}

const pathOf = (command: Command): string => commandNames(command).join(' ');

/** Every option the path's commands know, the program's global ones included. */
function optionsAlong(command: Command): Option[] {
  const options: Option[] = [];
  for (let c: Command | null = command; c; c = c.parent) options.push(...c.options);
  return options;
}

/** Why chat refuses this command line: its command (or the noun above it) first, then an option given. */
export function refusalFor(path: Pick<CommandPath, 'command' | 'options'>): Refusal | undefined {
  const refused = chatRefusalOf(path.command);
  if (refused) return { what: pathOf(refused.refused), why: refused.why };
  const option = optionsAlong(path.command).find((o) => o.long && path.options.includes(o.long) && metadataOf(o).refusedInChat);
  return option ? { what: option.long!, why: metadataOf(option).refusedInChat! } : undefined;
}

/** Every refused command and option of the program, each once (nouns stand for their verbs). */
export function chatRefusals(program: Command): Refusal[] {
  const commands = new Map<string, Refusal>();
  for (const { command } of leafCommands(program)) {
    const refused = chatRefusalOf(command);
    if (refused) commands.set(pathOf(refused.refused), { what: pathOf(refused.refused), why: refused.why });
  }
  const options = program.options.flatMap((o) => {
    const why = metadataOf(o).refusedInChat;
    return why && o.long ? [{ what: o.long, why }] : [];
  });
  return [...commands.values(), ...options];
}
