// The `dispatch` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { dispatchClose } from './close.js';
import { dispatchList } from './list.js';
import { dispatchShow } from './show.js';

export const dispatch = defineNoun({
  name: 'dispatch',
  description: 'work orders for technicians: list, show, close',
  verbs: [dispatchList, dispatchShow, dispatchClose],
});
