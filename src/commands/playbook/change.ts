// What every verb that changes a run shares: the run comes back as it now is,
// printed as one line saying what happened and where it stands, or as JSON.
import type { RunChange } from '../../core/model.js';
import { runJson } from '../../render/playbook-run-json.js';
import { runStanding } from '../../render/playbook-runs.js';
import type { VerbPresenter } from '../verb.js';

export type RunVerb = 'approve' | 'reject' | 'confirm' | 'pause' | 'resume' | 'abort' | 'retry' | 'note';

const DONE: Record<RunVerb, string> = {
  approve: 'approved',
  reject: 'rejected',
  confirm: 'confirmed',
  pause: 'paused',
  resume: 'resumed',
  abort: 'aborted',
  retry: 'retrying',
  note: 'noted on',
};

export function describeRunChange(verb: RunVerb, change: RunChange): string {
  const { run } = change;
  if (!change.changed) return `${run.id}: nothing changed (${run.status})`;
  return `${DONE[verb]} ${run.id}; ${runStanding(run).split('\n')[0]}`;
}

export function runChangePresenter(verb: RunVerb): VerbPresenter<RunChange> {
  return {
    text: (change) => describeRunChange(verb, change),
    json: (change) => ({ run: runJson(change.run), changed: change.changed }),
  };
}
