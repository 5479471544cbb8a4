// A site's recent wait, one sample a minute, for the sparkline of a screen
// that has just opened (it follows site.telemetry events from then on).
import type { FastifyInstance } from 'fastify';
import { WAIT_HISTORY_MINUTES } from '../../../core/vocabulary.js';
import type { WaitHistory } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { readWaitHistory } from '../../telemetry/wait-history.js';
import { IdParams, WaitHistoryQuery } from '../schemas.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';

export function registerWaitHistoryRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/sites/:id/wait-history', { config: { role: 'viewer' as const } }, async (request): Promise<WaitHistory> => {
    const { id } = parseInput(IdParams, request.params, 'site id');
    const { minutes = WAIT_HISTORY_MINUTES.default } = parseInput(WaitHistoryQuery, request.query, 'query');
    const site = await siteOrNotFound(ctx.store, id);
    return readWaitHistory(ctx.store, site.id, minutes, ctx.now());
  });
}
