// The `config` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { configGet } from './get.js';
import { configList } from './list.js';
import { configSet } from './set.js';
import { configUse } from './use.js';

export const config = defineNoun({
  name: 'config',
  description: 'profiles: which hub, which token',
  verbs: [configGet, configSet, configList, configUse],
});
