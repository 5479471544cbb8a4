// The `silence` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { silenceAdd } from './add.js';
import { silenceExpire } from './expire.js';
import { silenceList } from './list.js';
import { silenceShow } from './show.js';

export const silence = defineNoun({
  name: 'silence',
  description: 'silences: alerts recorded but opening no incident and paging no one, for a while',
  verbs: [silenceAdd, silenceList, silenceShow, silenceExpire],
});
