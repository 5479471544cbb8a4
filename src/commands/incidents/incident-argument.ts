// The `[id]` argument every incident verb takes, completed from open incidents.
import { Argument } from 'commander';
import { completeWith } from '../completion/dynamic.js';

export function incidentIdArgument(required = false): Argument {
  const argument = required
    ? new Argument('<id>', 'INC-000042, inc-42 or 42')
    : new Argument('[id]', 'INC-000042, inc-42 or 42 (asked for on a terminal when left out)');
  return completeWith(argument, 'incidents');
}
