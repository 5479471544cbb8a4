// Drills: the scorecards of ended drills, newest first, and one drill's
// scorecard. Viewers read them.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HubContext } from '../../context.js';
import { drillScorecard, listDrills } from '../../playbooks/drills.js';
import { IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';

const DrillsQuery = z
  .object({
    playbook: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'a playbook id').optional(),
    limit: z.coerce.number().int().min(1).max(1_000).optional(),
  })
  .strict();

export function registerDrillRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  app.get('/v1/drills', viewer, async (request) => {
    const q = parseInput(DrillsQuery, request.query, 'query');
    return { drills: await listDrills(ctx.store, q) };
  });
  app.get('/v1/drills/:id', viewer, async (request) => ({ scorecard: await drillScorecard(ctx.store, parseInput(IdParams, request.params, 'run id').id) }));
}
