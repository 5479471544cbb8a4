// The `audit` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { auditCheckpoint } from './checkpoint.js';
import { auditList } from './list.js';
import { auditVerify } from './verify.js';

export const audit = defineNoun({
  name: 'audit',
  description: 'the append-only, hash-chained audit log and its signed checkpoints',
  verbs: [auditList, auditVerify, auditCheckpoint],
});
