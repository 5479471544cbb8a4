// "Predicted breaches for the next shift": the hub's early warning
// (src/hub/forecast: every site predicted to breach its wait target) over the
// hours of a shift as long as the one handed over, from each site's latest
// report. The forecast reads the whole fleet's history, so it runs before the
// handover's transaction, not inside it holding the store.
import type { HandoverBreaches } from '../../core/model.js';
import { BREACH_HOURS } from '../../core/vocabulary.js';
import { forecastBreaches } from '../forecast/breaches-service.js';
import { hubPeakCalendar } from '../forecast/peak-calendar-file.js';
import type { StoreReader } from '../store/store.js';
import { HOUR_MS } from '../telemetry/flow-history.js';

export async function nextShiftBreaches(
  deps: { store: StoreReader; now: () => Date; peakCalendarFile?: string | undefined },
  shiftMs: number,
): Promise<HandoverBreaches> {
  const hours = Math.min(BREACH_HOURS.max, Math.max(1, Math.ceil(shiftMs / HOUR_MS)));
  const found = await forecastBreaches(deps.store, hours, deps.now(), hubPeakCalendar(deps));
  const note = hours * HOUR_MS < shiftMs ? `the first ${hours} h of the next shift (the early warning looks ${BREACH_HOURS.max} h ahead at most)` : null;
  return {
    available: true,
    note,
    breaches: found.breaches.map((b) => ({ siteId: b.siteId, at: b.breachAt, predictedWaitMinutes: b.worstWaitMinutes, targetWaitMinutes: b.waitTargetMinutes })),
  };
}
