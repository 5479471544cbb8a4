// The `playbook` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { playbookAuto } from './auto.js';
import { playbookApprove, playbookConfirm, playbookReject } from './decide.js';
import { playbookHistory } from './history.js';
import { playbookList } from './list.js';
import { playbookRuns, playbookStatus } from './read.js';
import { playbookReport } from './report.js';
import { playbookRun } from './run.js';
import { playbookSchema } from './schema.js';
import { playbookShow } from './show.js';
import { playbookAbort, playbookNote, playbookPause, playbookResume, playbookRetry } from './steer.js';
import { playbookValidate } from './validate.js';

export const playbook = defineNoun({
  name: 'playbook',
  description: 'prepared crisis responses: list, show, run and follow, approve, steer a run, after-action reports, validate files, versions, auto-runs',
  verbs: [
    playbookList, playbookShow, playbookRun, playbookRuns, playbookStatus,
    playbookApprove, playbookReject, playbookConfirm,
    playbookPause, playbookResume, playbookAbort, playbookRetry, playbookNote,
    playbookReport, playbookValidate, playbookSchema, playbookHistory, playbookAuto,
  ],
});
