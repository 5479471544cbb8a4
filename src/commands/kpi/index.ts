// The `kpi` noun: it only names its verbs, in the order help lists them;
// `kpi` alone runs `kpi summary` (its default verb).
import { defineNoun } from '../verb.js';
import { kpiContactCentre } from './contact-centre.js';
import { kpiContinuity } from './continuity.js';
import { kpiFlow } from './flow.js';
import { kpiIncidents } from './incidents.js';
import { kpiRemote } from './remote.js';
import { kpiSatisfaction } from './satisfaction.js';
import { kpiStaff } from './staff.js';
import { kpiSummary } from './summary.js';

export const kpi = defineNoun({
  name: 'kpi',
  description: 'key performance indicators against their targets',
  verbs: [kpiSummary, kpiIncidents, kpiContinuity, kpiFlow, kpiStaff, kpiSatisfaction, kpiContactCentre, kpiRemote],
});
