// `kpi satisfaction`: the share of travellers satisfied in surveys, against 92%.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiSatisfaction = kpiReportVerb('satisfaction', 'travellers satisfied in surveys, per site and overall (target 92%)', [
  'kpi satisfaction',
  'kpi satisfaction --since 7d --kind air',
  'kpi satisfaction --site JED --json',
]);
