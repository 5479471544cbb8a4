// Marks an argument or option whose values a shell should complete: from the
// hub at completion time (`watchfloor __complete sites|incidents|…`), from
// the local profiles, file names, or the --json fields of the verb typed. The mark lives on the commander object
// itself, so the completion scripts are derived from the tree.
import type { Argument, Option } from 'commander';

export const DYNAMIC_SOURCES = [
  'sites', 'incidents', 'playbooks', 'runs', 'assets', 'targets', 'faults', 'regions', 'dispatches', 'tokens', 'profiles',
] as const;
export type DynamicSource = (typeof DYNAMIC_SOURCES)[number];

const SOURCE = Symbol('watchfloor.completionSource');
const FILES = Symbol('watchfloor.completeFiles');
const JSON_FIELDS = Symbol('watchfloor.completeJsonFields');

type Marked = { [SOURCE]?: DynamicSource; [FILES]?: true; [JSON_FIELDS]?: true };

export function completeWith<T extends Argument | Option>(target: T, source: DynamicSource): T {
  (target as T & Marked)[SOURCE] = source;
  return target;
}

/** The value is a file on this machine: the shell completes file names. */
export function completeFiles<T extends Argument | Option>(target: T): T {
  (target as T & Marked)[FILES] = true;
  return target;
}

/** The value is a comma list of the fields the verb being typed publishes (`--json id,title`). */
export function completeJsonFields(option: Option): Option {
  (option as Option & Marked)[JSON_FIELDS] = true;
  return option;
}

export function completesJsonFields(option: Option): boolean {
  return (option as Option & Marked)[JSON_FIELDS] === true;
}

export function dynamicSourceOf(target: Argument | Option): DynamicSource | undefined {
  return (target as (Argument | Option) & Marked)[SOURCE];
}

export function completesFiles(target: Argument | Option): boolean {
  return (target as (Argument | Option) & Marked)[FILES] === true;
}
