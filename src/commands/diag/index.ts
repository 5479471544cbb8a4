// The `diag` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { diagFleet } from './fleet.js';
import { diagRun } from './run.js';

export const diag = defineNoun({
  name: 'diag',
  description: 'remote diagnostics: probe, fix what is safe, verify, or dispatch',
  verbs: [diagRun, diagFleet],
});
