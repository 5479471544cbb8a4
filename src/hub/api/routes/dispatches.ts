// Work orders for technicians: list, show, close (repaired on site).
import type { FastifyInstance } from 'fastify';
import { CloseDispatchInput, DispatchesQuery } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { closeDispatch, dispatchNotFound } from '../../diagnostics/dispatches.js';
import { callerOf } from '../auth.js';
import { IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';
import { siteOrNotFound } from './fleet.js';

export function registerDispatchRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const officer = { config: { role: 'officer' as const } };
  const idOf = (params: unknown) => parseInput(IdParams, params, 'dispatch id').id;

  app.get('/v1/dispatches', viewer, async (request) => {
    const q = parseInput(DispatchesQuery, request.query, 'query');
    const site = q.site === undefined ? undefined : await siteOrNotFound(ctx.store, q.site);
    return { dispatches: await ctx.store.listDispatches({ state: q.state, siteId: site?.id }) };
  });

  app.get('/v1/dispatches/:id', viewer, async (request) => {
    const id = idOf(request.params);
    const dispatch = await ctx.store.getDispatch(id);
    if (!dispatch) throw dispatchNotFound(id);
    return { dispatch };
  });

  app.post('/v1/dispatches/:id/close', officer, async (request) => {
    const { note } = parseInput(CloseDispatchInput, request.body, 'closing note');
    return { dispatch: await closeDispatch(ctx, callerOf(request), idOf(request.params), note) };
  });
}
