// `kpi incidents`: MTTA and MTTR by severity, and the share acknowledged within the watch UI's SLA.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiIncidents = kpiReportVerb('incidents', 'MTTA and MTTR by severity, and the share acknowledged within the SLA', [
  'kpi incidents',
  'kpi incidents --since 7d --region makkah',
  'kpi incidents --site JED --json',
]);
