// The seam where the queueing model (src/hub/forecast/queueing*.ts and
// staffing*.ts, landing separately) turns forecast arrivals into a predicted
// wait and the counters advised per hour. Until it is wired in, it predicts
// nothing and the forecast's hours carry null for both — one function for
// the integrator to point at the staffing advice.
import type { FlowHour } from '../telemetry/flow-history.js';

export interface StaffingInputHour {
  /** Hours since the epoch (the site's clock). */
  hour: number;
  arrivalsPerHour: number;
}

export interface StaffingPrediction {
  predictedWaitMinutes: number | null;
  countersAdvised: number | null;
}

/**
 * Per forecast hour, what the queueing model predicts. `recent` is the
 * site's latest complete hours of flow (counters open, e-gates in service,
 * officers on duty), for the servers the model may assume.
 */
export function predictStaffing(_siteId: string, hours: readonly StaffingInputHour[], _recent: readonly FlowHour[]): StaffingPrediction[] {
  return hours.map(() => ({ predictedWaitMinutes: null, countersAdvised: null }));
}
