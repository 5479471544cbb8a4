// The `playbook` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { playbookApprove, playbookConfirm, playbookReject } from './decide.js';
import { playbookRuns, playbookStatus } from './read.js';
import { playbookRun } from './run.js';
import { playbookAbort, playbookNote, playbookPause, playbookResume, playbookRetry } from './steer.js';

export const playbook = defineNoun({
  name: 'playbook',
  description: 'playbooks: run one and follow it, approve, confirm, pause, resume, abort, retry a step',
  verbs: [playbookRun, playbookRuns, playbookStatus, playbookApprove, playbookReject, playbookConfirm, playbookPause, playbookResume, playbookAbort, playbookRetry, playbookNote],
});
