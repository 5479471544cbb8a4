// The forecast calls: a site's arrivals per hour ahead, with intervals.
import type { FleetForecasts, SiteForecast } from '../model.js';
import { query, type HubConnection } from './connection.js';

export function forecastCalls(hub: HubConnection) {
  return {
    /** The next `hours` hours (the hub's default: 24) of the site's arrivals, from its own history. */
    siteForecast: (siteId: string, options: { hours?: number | undefined } = {}): Promise<SiteForecast> =>
      hub.request('GET', `/v1/sites/${encodeURIComponent(siteId)}/forecast${query({ hours: options.hours })}`),
    /** Every site's forecast in one request (the hub's default: 24 hours). */
    fleetForecasts: (options: { hours?: number | undefined } = {}): Promise<FleetForecasts> => hub.request('GET', `/v1/forecasts${query({ hours: options.hours })}`),
  };
}

export type ForecastCalls = ReturnType<typeof forecastCalls>;
