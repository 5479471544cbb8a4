// Chat has no shell to quote in: people type a site as they say it —
// `status King Abdulaziz International Airport`, `status مطار الملك عبدالعزيز الدولي`,
// `incidents list --site Wadi Al-Dawasir` — and the CLI's parser would read
// each word as an argument of its own. The command's declared arguments and
// options say where a site goes (those completed from the hub's sites), so the
// words left over once every argument has one are the site's, and are joined
// into it. One rule for every verb; the CLI itself keeps its strict parsing.
import type { Argument, Command } from 'commander';
import { dynamicSourceOf } from '../commands/completion/dynamic.js';
import { commandPath, type CommandPath } from './command-path.js';

/** Where a site's words start in argv: a site argument's operand, or a site option's value. */
export interface SiteSlot {
  index: number;
  /** "--site=" when the value shares its option's token, else "". */
  prefix: string;
}

// `targets` (diag run) take a site as well as an asset or an incident.
const takesSite = (target: Parameters<typeof dynamicSourceOf>[0]) => ['sites', 'targets'].includes(dynamicSourceOf(target) ?? '');

/** Every place in this command line where the command takes a site, in argv order. */
export function siteSlots(path: CommandPath): SiteSlot[] {
  const args: readonly Argument[] = path.command.registeredArguments;
  const positional = args.flatMap((arg, k) => (takesSite(arg) && path.operands[k] !== undefined ? [{ index: path.operands[k]!, prefix: '' }] : []));
  const options = path.values.filter((v) => takesSite(v.option)).map(({ index, prefix }) => ({ index, prefix }));
  return [...positional, ...options].sort((a, b) => a.index - b.index);
}

/**
 * argv with the words past the command's arguments joined into the site slot
 * they follow; unchanged when nothing is left over, when the command takes a
 * list (a variadic argument) or when the extra words follow no site.
 */
export function joinSiteWords(program: Command, argv: readonly string[]): string[] {
  const path = commandPath(program, argv);
  const args = path.command.registeredArguments;
  const surplus = path.operands.length - args.length;
  if (surplus <= 0 || args.some((a) => a.variadic)) return [...argv];
  const operands = new Set(path.operands);
  // The site's words follow it directly: nothing else (an option, `--`) comes between.
  const follows = (slot: SiteSlot) => Array.from({ length: surplus }, (_, k) => slot.index + 1 + k).every((i) => operands.has(i));
  const slot = siteSlots(path).find(follows);
  if (!slot) return [...argv];
  const words = argv.slice(slot.index, slot.index + 1 + surplus).join(' ');
  return [...argv.slice(0, slot.index), words, ...argv.slice(slot.index + 1 + surplus)];
}
