// The `sim` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { simFaults } from './faults.js';
import { simInject } from './inject.js';
import { simKinds } from './kinds.js';

export const sim = defineNoun({
  name: 'sim',
  description: "the demo's device emulator: inject faults, see the ground truth",
  verbs: [simInject, simFaults, simKinds],
});
