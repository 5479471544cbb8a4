// A site's arrivals forecast: GET /v1/sites/:id/forecast.
import { z } from 'zod';
import { FORECAST_METHODS } from '../vocabulary.js';

export const ForecastHour = z.object({
  /** The hour's start on the site's clock, ISO-8601 UTC. */
  at: z.string(),
  arrivalsPerHour: z.number().nonnegative(),
  /** The prediction interval (forecast.interval, e.g. 0.9 = 5th to 95th percentile). */
  lower: z.number().nonnegative(),
  upper: z.number().nonnegative(),
  /** Names of the calendar's peaks that multiply this hour. */
  peaks: z.array(z.string()),
  /** From the queueing model of the counters and e-gates in service; null until it is wired in. */
  predictedWaitMinutes: z.number().nonnegative().nullable(),
  /** The fewest counters that keep the predicted wait under the target; null until the queueing model is wired in. */
  countersAdvised: z.number().int().nonnegative().nullable(),
  /**
   * A contact centre's hours only: the share of inquiries its AI voice agent
   * is forecast to answer without a person (0..1, from the line's own reported
   * shares) with its interval, and the inquiries left for a person — the
   * callers predictedWaitMinutes and countersAdvised (agents) are worked out for.
   */
  aiShare: z.number().min(0).max(1).optional(),
  aiShareLower: z.number().min(0).max(1).optional(),
  aiShareUpper: z.number().min(0).max(1).optional(),
  personArrivalsPerHour: z.number().nonnegative().optional(),
});
export type ForecastHour = z.infer<typeof ForecastHour>;

export const SiteForecast = z.object({
  siteId: z.string(),
  /** When the hub made it (its own clock). */
  generatedAt: z.string(),
  /** The hour the forecast starts: the site's current hour by its latest report; null with no history. */
  from: z.string().nullable(),
  method: z.enum(FORECAST_METHODS),
  /** Hours of history with reports that the fit used. */
  historyHours: z.number().int().nonnegative(),
  /** The prediction interval's nominal coverage. */
  interval: z.number(),
  /** Where the peak calendar came from (a path on the hub). */
  calendar: z.string(),
  hours: z.array(ForecastHour),
});
export type SiteForecast = z.infer<typeof SiteForecast>;

/** GET /v1/forecasts: every site's forecast in one request (those with no report yet: method none, no hours). */
export const FleetForecasts = z.object({
  generatedAt: z.string(),
  hours: z.number().int(),
  forecasts: z.array(SiteForecast),
});
export type FleetForecasts = z.infer<typeof FleetForecasts>;
