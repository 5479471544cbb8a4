// The `handover` noun: it only names its verbs, in the order help lists them
// (`issue` is what `handover` alone runs).
import { defineNoun } from '../verb.js';
import { handoverAccept } from './accept.js';
import { handoverIssue } from './issue.js';
import { handoverList } from './list.js';
import { handoverShow } from './show.js';

export const handover = defineNoun({
  name: 'handover',
  description: 'shift handovers: issue one, take one over, read them',
  verbs: [handoverIssue, handoverAccept, handoverShow, handoverList],
});
