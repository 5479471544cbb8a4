// The `incidents` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { incidentsAck } from './ack.js';
import { incidentsAssign } from './assign.js';
import { incidentsEscalate } from './escalate.js';
import { incidentsList } from './list.js';
import { incidentsNote } from './note.js';
import { incidentsResolve } from './resolve.js';
import { incidentsShow } from './show.js';

export const incidents = defineNoun({
  name: 'incidents',
  aliases: ['inc'],
  description: 'incidents: list, show, ack, assign, note, escalate, resolve',
  verbs: [incidentsList, incidentsShow, incidentsAck, incidentsAssign, incidentsNote, incidentsEscalate, incidentsResolve],
});
