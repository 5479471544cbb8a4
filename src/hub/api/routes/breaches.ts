// Early warnings for the whole fleet: a read (viewer), like the forecast it rests on.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ForecastBreaches } from '../../../core/model.js';
import { BREACH_HOURS } from '../../../core/vocabulary.js';
import type { HubContext } from '../../context.js';
import { forecastBreaches } from '../../forecast/breaches-service.js';
import { hubPeakCalendar } from '../../forecast/peak-calendar-file.js';
import { parseInput } from '../validate.js';

const BreachQuery = z.object({ hours: z.coerce.number().int().min(1).max(BREACH_HOURS.max).optional() }).strict();

export function registerBreachRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/forecast/breaches', { config: { role: 'viewer' as const } }, async (request): Promise<ForecastBreaches> => {
    const q = parseInput(BreachQuery, request.query, 'query');
    return forecastBreaches(ctx.store, q.hours ?? BREACH_HOURS.default, ctx.now(), hubPeakCalendar(ctx));
  });
}
