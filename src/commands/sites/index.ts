// The `sites` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { sitesList } from './list.js';
import { sitesShow } from './show.js';

export const sites = defineNoun({
  name: 'sites',
  description: 'the sites: air, land and sea ports, passport service centres',
  verbs: [sitesList, sitesShow],
});
