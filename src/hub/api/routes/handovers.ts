// Shift handovers over HTTP. Anyone may read them (a viewer on the floor
// should know who has the watch); an officer or above issues one and takes
// one over — who may not take over their own is handover-actions.ts's rule,
// so it holds for a chat button as for the CLI. No route edits or deletes a
// handover: once issued it is a record.
import type { FastifyInstance } from 'fastify';
import { IssueHandoverInput } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { acceptHandover, findHandover, issueHandover } from '../../handover/handover-actions.js';
import { callerOf } from '../auth.js';
import { AckBody, IdParams } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerHandoverRoutes(app: FastifyInstance, ctx: HubContext): void {
  const viewer = { config: { role: 'viewer' as const } };
  const officer = { config: { role: 'officer' as const } };

  app.get('/v1/handovers', viewer, async () => ({ handovers: await ctx.store.listHandovers() }));

  app.get('/v1/handovers/:id', viewer, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'handover id');
    return { handover: await findHandover(ctx.store, id) };
  });

  app.post('/v1/handovers', officer, async (request, reply) => {
    const input = parseInput(IssueHandoverInput, request.body ?? {}, 'handover');
    return reply.status(201).send({ handover: await issueHandover(ctx, callerOf(request), input) });
  });

  app.post('/v1/handovers/:id/accept', officer, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'handover id');
    parseInput(AckBody, request.body ?? {}, 'accept');
    return { handover: await acceptHandover(ctx, callerOf(request), id) };
  });
}
