// Which command of the program an argv selects, read from the program itself
// (before anything runs), so the bot can refuse, pick a renderer or fall back
// to free text for exactly the commands the CLI has today.
import type { Command, Option } from 'commander';
import { verbOf } from '../commands/register.js';

export interface CommandPath {
  /** Command names from the program down: ['incidents', 'ack']; [] for the program itself. */
  names: string[];
  command: Command;
  /** Long names of the options given on the way (`--hub`, `--fix`, …). */
  options: string[];
  /** Indexes into argv of the operands: arguments that are neither command names, options nor option values. */
  operands: number[];
  /** Where each option given with a value has it: its own token (`--site=RUH`, `prefix` "--site=") or the next one. */
  values: OptionValue[];
}

export interface OptionValue {
  option: Option;
  /** The index into argv of the token that holds the value. */
  index: number;
  /** What comes before the value in that token: "--site=" when given as one word, else "". */
  prefix: string;
}

export function commandPath(program: Command, argv: readonly string[]): CommandPath {
  const names: string[] = [];
  const options: string[] = [];
  const operands: number[] = [];
  const values: OptionValue[] = [];
  let command = program;
  // Options of every command on the way count: global options may come anywhere.
  const known: Option[] = [...program.options];
  // A noun with a default verb (`handover` is `handover issue`) runs it unless another verb is named: so do we.
  const intoDefault = (token: string | undefined) => {
    const fallback = command.commands.find((c) => verbOf(c)?.isDefault);
    if (!fallback || (token !== undefined && command.commands.some((c) => c.name() === token || c.aliases().includes(token)))) return;
    command = fallback;
    names.push(fallback.name());
    known.push(...fallback.options);
  };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!operands.length && token !== '--') {
      const flag = token.split('=', 1)[0]!;
      // A flag of the program's (--json) may come before the verb; one it does not know is the default verb's.
      if (!token.startsWith('-')) intoDefault(token);
      else if (!known.some((o) => o.long === flag || o.short === flag)) intoDefault(undefined);
    }
    if (token === '--') {
      for (let j = i + 1; j < argv.length; j++) operands.push(j);
      break;
    }
    if (token.startsWith('-') && token.length > 1) {
      const [flag] = token.split('=', 1) as [string];
      const option = known.find((o) => o.long === flag || o.short === flag || o.long === `--no-${flag.slice(5)}`);
      if (option) options.push(option.long ?? flag);
      const takesValue = option && (option.required || option.optional);
      if (takesValue && token.includes('=')) values.push({ option, index: i, prefix: `${flag}=` });
      // A value in the next token is skipped, so `--lang ar status` still finds `status`.
      else if (takesValue && i + 1 < argv.length) values.push({ option, index: ++i, prefix: '' });
      continue;
    }
    const sub = operands.length ? undefined : command.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (!sub) {
      operands.push(i);
      continue;
    }
    command = sub;
    names.push(sub.name());
    known.push(...sub.options);
  }
  if (!operands.length) intoDefault(undefined);
  return { names, command, options, operands, values };
}

/** Every command that does something (a leaf), with its path, for help and for drift tests. */
export function leafCommands(program: Command): { names: string[]; command: Command }[] {
  const out: { names: string[]; command: Command }[] = [];
  const walk = (command: Command, names: string[]) => {
    for (const sub of command.commands) {
      const path = [...names, sub.name()];
      if (sub.commands.length) walk(sub, path);
      else out.push({ names: path, command: sub });
    }
  };
  walk(program, []);
  return out;
}
