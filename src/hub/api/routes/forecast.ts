// A site's arrivals forecast, and every site's in one request, read like any other site view (viewer and up).
import type { FastifyInstance } from 'fastify';
import type { FleetForecasts, SiteForecast } from '../../../core/model.js';
import { FORECAST_HOURS } from '../../../core/vocabulary.js';
import type { HubContext } from '../../context.js';
import { hubPeakCalendar } from '../../forecast/peak-calendar-file.js';
import { forecastFleet, forecastSite } from '../../forecast/site-forecast.js';
import { ForecastQuery, IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';

export function registerForecastRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/sites/:id/forecast', { config: { role: 'viewer' as const } }, async (request): Promise<SiteForecast> => {
    const { id } = parseInput(IdParams, request.params, 'site id');
    const { hours = FORECAST_HOURS.default } = parseInput(ForecastQuery, request.query, 'query');
    const site = await siteOrNotFound(ctx.store, id);
    return forecastSite(ctx.store, site, { hours, calendar: hubPeakCalendar(ctx), now: ctx.now() });
  });
  app.get('/v1/forecasts', { config: { role: 'viewer' as const } }, async (request): Promise<FleetForecasts> => {
    const { hours = FORECAST_HOURS.default } = parseInput(ForecastQuery, request.query, 'query');
    return forecastFleet(ctx.store, { hours, calendar: hubPeakCalendar(ctx), now: ctx.now() });
  });
}
