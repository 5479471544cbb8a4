// `kpi continuity`: how much of the time critical systems were available, per site and overall, against 95%.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiContinuity = kpiReportVerb('continuity', 'availability of critical systems per site and overall (target 95%)', [
  'kpi continuity',
  'kpi continuity --kind land --since 30d',
  'kpi continuity --site RUH --json',
]);
