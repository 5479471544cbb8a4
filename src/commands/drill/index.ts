// The `drill` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { drillList, drillShow } from './read.js';

export const drill = defineNoun({ name: 'drill', description: 'drills and their scores: list them newest first, show one\'s scorecard', verbs: [drillList, drillShow] });
