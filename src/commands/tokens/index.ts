// The `tokens` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { tokensCreate } from './create.js';
import { tokensList } from './list.js';
import { tokensRevoke } from './revoke.js';

export const tokens = defineNoun({
  name: 'tokens',
  description: 'API tokens for people, bots and Alertmanager',
  verbs: [tokensCreate, tokensList, tokensRevoke],
});
