// The staffing advice the staff KPI measures officers on duty against: for
// each site-hour of the flow history, the fewest counters the queueing model
// (forecast/staffing.ts, Erlang C) would open to keep that hour's arrivals
// within the wait target, with the e-gates that were in service — one officer
// a counter. The cap is what the hour could have opened: its counters or its
// officers on duty, whichever is more.
import type { SiteKind } from '../../core/model.js';
import { STATION_PARAMS } from '../forecast/queueing-station.js';
import { adviseCounters } from '../forecast/staffing.js';
import type { FlowHour } from '../telemetry/flow-history.js';

/** The officers advised for one site-hour against `waitTargetMinutes`; null when there is no advice. */
export type AdviseOfficers = (hour: FlowHour, waitTargetMinutes: number) => number | null;

export const NO_STAFFING_ADVICE: AdviseOfficers = () => null;

/** Advice by each site's kind of station; a site the inventory no longer holds gets none. */
export function queueingAdvice(kinds: ReadonlyMap<string, SiteKind>): AdviseOfficers {
  return (hour, waitTargetMinutes) => {
    const kind = kinds.get(hour.siteId.toUpperCase());
    if (!kind) return null;
    const maxCounters = Math.max(Math.round(hour.countersOpen), Math.round(hour.officersOnDuty ?? 0));
    const advice = adviseCounters(
      { arrivalsPerHour: hour.arrivalsPerHour, egatesInService: Math.round(hour.egatesInService), maxCounters, waitTargetMinutes },
      STATION_PARAMS[kind],
    );
    return advice.counters;
  };
}
