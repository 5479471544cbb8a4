// Marks an argument or option whose values come from the hub at completion
// time (`watchfloor __complete sites|incidents|playbooks|runs`). The mark lives on the
// commander object itself, so the completion scripts are derived from the tree.
import type { Argument, Option } from 'commander';

export const DYNAMIC_SOURCES = ['sites', 'incidents', 'playbooks', 'runs'] as const;
export type DynamicSource = (typeof DYNAMIC_SOURCES)[number];

const SOURCE = Symbol('watchfloor.completionSource');

type Marked = { [SOURCE]?: DynamicSource };

export function completeWith<T extends Argument | Option>(target: T, source: DynamicSource): T {
  (target as T & Marked)[SOURCE] = source;
  return target;
}

export function dynamicSourceOf(target: Argument | Option): DynamicSource | undefined {
  return (target as (Argument | Option) & Marked)[SOURCE];
}
