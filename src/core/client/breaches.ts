// Early warnings: the sites predicted to breach their wait target.
import type { ForecastBreaches } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function breachCalls(hub: HubConnection) {
  return {
    /** Every site predicted to breach within `hours` (the hub's default: 6), soonest first, with what would prevent it. */
    forecastBreaches: (options: { hours?: number | undefined } = {}): Promise<ForecastBreaches> =>
      hub.request('GET', `/v1/forecast/breaches${query({ hours: options.hours })}`),
  };
}

export type BreachCalls = ReturnType<typeof breachCalls>;
