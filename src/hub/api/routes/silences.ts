// Silences and maintenance windows over HTTP. Anyone may see them (a viewer
// should know why a site is quiet); an officer may silence and expire a
// silence on shift (an alert storm at 3 a.m. cannot wait for a supervisor;
// each is bounded in time, has a reason and is audited); scheduling or
// cancelling a site's maintenance window is a supervisor's, as it is planned.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../core/errors.js';
import { NewMaintenanceInput, NewSilenceInput, type SilenceKind } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { addMaintenance, addSilence, endSilence } from '../../silences/silence-actions.js';
import { withState } from '../../silences/silence-state.js';
import { callerOf } from '../auth.js';
import { IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';

const ListQuery = z.object({ all: z.enum(['true', 'false']).optional() }).strict();

export function registerSilenceRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const officer = { config: { role: 'officer' as const } };
  const supervisor = { config: { role: 'supervisor' as const } };

  const list = async (kind: SilenceKind, query: unknown) => {
    const all = parseInput(ListQuery, query, 'query').all === 'true';
    const at = ctx.now().toISOString();
    const records = await ctx.store.listSilences({ kind, ...(all ? {} : { inForceAt: at }) });
    return { silences: records.map((s) => withState(s, at)) };
  };

  app.get('/v1/silences', viewer, (request) => list('silence', request.query));
  app.get('/v1/maintenance', viewer, (request) => list('maintenance', request.query));

  // One silence or window of either kind, with the alerts it took: what an officer
  // opens before expiring it early or letting it run.
  app.get('/v1/silences/:id', viewer, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'silence id');
    const found = await ctx.store.getSilence(id);
    if (!found) throw new NotFoundError(`no silence or maintenance window ${id}`, { hint: 'list them with `watchfloor silence list --all` or `watchfloor maintenance list --all`' });
    return { silence: withState(found, ctx.now().toISOString()), alerts: await ctx.store.listSilencedAlerts(found.id) };
  });

  app.get('/v1/silences/:id/alerts', viewer, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'silence id');
    return { alerts: await ctx.store.listSilencedAlerts(id) };
  });

  app.post('/v1/silences', officer, async (request, reply) => {
    const input = parseInput(NewSilenceInput, request.body, 'silence');
    return reply.status(201).send({ silence: await addSilence(ctx, callerOf(request), input) });
  });

  app.post('/v1/silences/:id/expire', officer, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'silence id');
    return { silence: await endSilence(ctx, callerOf(request), 'silence', id) };
  });

  app.post('/v1/maintenance', supervisor, async (request, reply) => {
    const input = parseInput(NewMaintenanceInput, request.body, 'maintenance window');
    return reply.status(201).send({ silence: await addMaintenance(ctx, callerOf(request), input) });
  });

  app.post('/v1/maintenance/:id/cancel', supervisor, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'maintenance window id');
    return { silence: await endSilence(ctx, callerOf(request), 'maintenance', id) };
  });
}
