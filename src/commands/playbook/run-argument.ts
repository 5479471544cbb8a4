// The run a verb acts on: RUN-000007, run-7 and 7 all name it (the hub reads
// them alike); completion offers the runs not ended.
import { Argument } from 'commander';
import { completeWith } from '../completion/dynamic.js';

export const runIdArgument = () => completeWith(new Argument('<run>', 'a playbook run (RUN-000007, 7)'), 'runs');
