// `kpi flow`: passengers processed, median and p90 wait, share within the wait target, e-gate usage.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiFlow = kpiReportVerb('flow', 'passengers processed, median and p90 wait, share within the wait target, e-gate use', [
  'kpi flow',
  'kpi flow --site JED --since 7d',
  'kpi flow --region makkah --json',
]);
