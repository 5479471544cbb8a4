// The fleet's early warnings as GET /v1/forecast/breaches serves them.
import type { ForecastBreaches } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { predictedBreaches } from './breach-advice.js';
import { predictFleet } from './site-prediction.js';

export async function forecastBreaches(store: StoreReader, hours: number, now: Date): Promise<ForecastBreaches> {
  const predictions = await predictFleet(store, hours);
  return {
    generatedAt: now.toISOString(),
    hours,
    source: predictions[0]?.source ?? 'recent-telemetry',
    sitesChecked: predictions.length,
    breaches: predictedBreaches(predictions),
  };
}
