// The fleet's early warnings as GET /v1/forecast/breaches serves them.
import type { ForecastBreaches } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { predictedBreaches } from './breach-advice.js';
import type { PeakCalendar } from './peak-calendar.js';
import { predictFleet } from './site-prediction.js';

export async function forecastBreaches(store: StoreReader, hours: number, now: Date, calendar: PeakCalendar): Promise<ForecastBreaches> {
  const predictions = await predictFleet(store, hours, calendar);
  return {
    generatedAt: now.toISOString(),
    hours,
    // The forecast when any site had the history for one; recent telemetry when none did.
    source: predictions.some((p) => p.source === 'forecast') ? 'forecast' : 'recent-telemetry',
    sitesChecked: predictions.length,
    breaches: predictedBreaches(predictions),
  };
}
