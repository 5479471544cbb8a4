// KPIs: the remote-resolution rate of device incidents.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RemoteKpi } from '../../../core/model.js';
import { sinceTime } from '../../../core/time-input.js';
import type { HubContext } from '../../context.js';
import { remoteKpi } from '../../diagnostics/kpi.js';
import { parseInput } from '../validate.js';

const KpiQuery = z.object({ since: z.string().trim().min(1).max(64).optional() }).strict();
const DEFAULT_WINDOW = '24h';

export function registerKpiRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/kpi/remote', { config: { role: 'viewer' } }, async (request): Promise<RemoteKpi> => {
    const q = parseInput(KpiQuery, request.query, 'query');
    const now = ctx.now();
    const since = sinceTime(q.since ?? DEFAULT_WINDOW, now);
    const until = now.toISOString();
    return remoteKpi(await ctx.store.listRemoteOutcomes(since, until), since, until);
  });
}
