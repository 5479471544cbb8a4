// What-if scenarios for a site: a read (viewer), the changes in the query in
// their canonical text, parsed by the same rules as the CLI's flags.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SiteScenarios } from '../../../core/model.js';
import { parseScenario, SCENARIO_LIMITS } from '../../../core/scenario-changes.js';
import type { HubContext } from '../../context.js';
import { hubPeakCalendar } from '../../forecast/peak-calendar-file.js';
import { siteScenarios } from '../../forecast/scenario-service.js';
import { IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';

const scenarioText = z.string().trim().min(1).max(200);
const ScenarioQuery = z
  .object({
    hours: z.coerce.number().int().min(1).max(SCENARIO_LIMITS.hours.max).optional(),
    // Repeated for several scenarios (?scenario=arrivals=+30%25&scenario=staff=-10); one arrives as a string.
    scenario: z
      .union([scenarioText, z.array(scenarioText)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string()).max(SCENARIO_LIMITS.scenarios))
      .optional(),
  })
  .strict();

export function registerScenarioRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/sites/:id/scenario', { config: { role: 'viewer' as const } }, async (request): Promise<SiteScenarios> => {
    const { id } = parseInput(IdParams, request.params, 'site id');
    const q = parseInput(ScenarioQuery, request.query, 'query');
    const scenarios = (q.scenario ?? []).map(parseScenario);
    const site = await siteOrNotFound(ctx.store, id);
    return siteScenarios(ctx.store, site, scenarios, { hours: q.hours ?? SCENARIO_LIMITS.hours.default, now: ctx.now(), calendar: hubPeakCalendar(ctx) });
  });
}
