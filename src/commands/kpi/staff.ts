// `kpi staff`: officers on duty against the staffing advice, passengers per officer-hour.
import { kpiReportVerb } from './report-verb.js';

export const kpiStaff = kpiReportVerb('staff', 'officers on duty against the staffing advice, passengers per officer-hour', [
  'kpi staff',
  'kpi staff --site JED',
  'kpi staff --kind land --json',
]);
