// `playbook pause|resume|abort|retry|note RUN …`: a person steering a run.
// resume goes on from where the run stands — past a step that failed, or one
// whose outcome a crash left unknown; retry runs that step again.
import { Argument } from 'commander';
import { UsageError } from '../../core/errors.js';
import { defineVerb } from '../verb.js';
import { runChangePresenter } from './change.js';
import { runIdArgument } from './run-argument.js';

export const playbookPause = defineVerb({
  name: 'pause',
  description: 'pause a run: it starts no further step until resumed',
  metadata: { examples: ['playbook pause 12 --reason "vendor on site"'] },
  configure: (command) => void command.addArgument(runIdArgument()).option('--reason <text>', 'why, for the run and the audit log'),
  input: ([id]: [string], o: { reason?: string }) => ({ id, reason: o.reason }),
  run: (input, ctx) => ctx.client().pauseRun(input.id, input.reason),
  present: runChangePresenter('pause'),
});

export const playbookResume = defineVerb({
  name: 'resume',
  description: 'resume a paused run from where it stands (past a step that failed, or one whose outcome is unknown)',
  metadata: { examples: ['playbook resume 12'] },
  configure: (command) => void command.addArgument(runIdArgument()),
  input: ([id]: [string]) => ({ id }),
  run: (input, ctx) => ctx.client().resumeRun(input.id),
  present: runChangePresenter('resume'),
});

export const playbookAbort = defineVerb({
  name: 'abort',
  description: 'end a run: no further step runs',
  metadata: { examples: ['playbook abort 12 --reason "raised in error"'] },
  configure: (command) => void command.addArgument(runIdArgument()).option('--reason <text>', 'why, for the run and the audit log'),
  input: ([id]: [string], o: { reason?: string }) => ({ id, reason: o.reason }),
  run: (input, ctx) => ctx.client().abortRun(input.id, input.reason),
  present: runChangePresenter('abort'),
});

export const playbookRetry = defineVerb({
  name: 'retry',
  description: 'run again the step a run failed or paused at; the run goes on from there',
  metadata: { examples: ['playbook retry 12 restart-gate-service'] },
  configure: (command) => void command.addArgument(runIdArgument()).addArgument(new Argument('<step>', 'the step id')),
  input: ([id, step]: [string, string]) => ({ id, step }),
  run: (input, ctx) => ctx.client().retryStep(input.id, input.step),
  present: runChangePresenter('retry'),
});

export const playbookNote = defineVerb({
  name: 'note',
  description: 'add a note to a run (lessons for the after-action report)',
  metadata: { examples: ['playbook note 12 counters 4 and 5 opened ten minutes late'] },
  configure: (command) => void command.addArgument(runIdArgument()).argument('<text...>', 'the note (quotes optional)'),
  input([id, words]: [string, string[]]) {
    const text = words.join(' ').trim();
    if (!text) throw new UsageError('the note is empty');
    return { id, text };
  },
  run: (input, ctx) => ctx.client().noteRun(input.id, input.text),
  present: runChangePresenter('note'),
});
