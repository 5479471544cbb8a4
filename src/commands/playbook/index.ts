// The `playbook` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { playbookHistory } from './history.js';
import { playbookList } from './list.js';
import { playbookSchema } from './schema.js';
import { playbookShow } from './show.js';
import { playbookValidate } from './validate.js';

export const playbook = defineNoun({
  name: 'playbook',
  description: 'prepared crisis responses: list, show, validate files, the format as JSON Schema, versions',
  verbs: [playbookList, playbookShow, playbookValidate, playbookSchema, playbookHistory],
});
