// The `hub` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { hubStart } from './start.js';

export const hub = defineNoun({
  name: 'hub',
  description: 'the command-centre service',
  verbs: [hubStart],
});
