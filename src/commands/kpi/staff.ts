// `kpi staff`: officers on duty against the staffing advice, passengers per officer-hour.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiStaff = kpiReportVerb('staff', 'officers on duty against the staffing advice, passengers per officer-hour', [
  'kpi staff',
  'kpi staff --site JED',
  'kpi staff --kind land --json',
]);
