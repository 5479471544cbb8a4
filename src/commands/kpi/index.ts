// The `kpi` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { kpiRemote } from './remote.js';

export const kpi = defineNoun({ name: 'kpi', description: 'key performance indicators', verbs: [kpiRemote] });
