// The `<id>` argument of the playbook verbs, completed from the hub's playbooks.
import { Argument } from 'commander';
import { completeWith } from '../completion/dynamic.js';

export function playbookIdArgument(): Argument {
  return completeWith(new Argument('<id>', 'a playbook id, e.g. national-platform-outage (see `watchfloor playbook list`)'), 'playbooks');
}
