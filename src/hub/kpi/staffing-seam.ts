// THE SEAM for the staffing advice (issue 15, part 2): the staff KPI compares
// officers on duty with the officers the queueing model advises for the
// hour's arrivals. That model (Erlang C, `adviseCounters` in
// src/hub/forecast/staffing.ts) lands from another branch; until it is wired
// here the advice is unknown (null), so the staff KPI shows officers on duty
// without a target. Wiring it is one function: the hour in, officers out.
import type { FlowHour } from '../telemetry/flow-history.js';

/** The officers advised for one site-hour against `waitTargetMinutes`; null when there is no advice. */
export type AdviseOfficers = (hour: FlowHour, waitTargetMinutes: number) => number | null;

export const NO_STAFFING_ADVICE: AdviseOfficers = () => null;
