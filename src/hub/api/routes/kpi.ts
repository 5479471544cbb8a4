// KPIs: the remote-resolution rate of device incidents.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UsageError } from '../../../core/errors.js';
import type { RemoteKpi } from '../../../core/model.js';
import type { HubContext } from '../../context.js';
import { remoteKpi } from '../../diagnostics/kpi.js';
import { parseInput } from '../validate.js';

const KpiQuery = z.object({ since: z.string().trim().min(1).max(64).optional() }).strict();
const DEFAULT_WINDOW = '24h';
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `since`: an ISO time, or a span back from now (90m, 24h, 7d). */
export function sinceTime(since: string, now: Date): string {
  const span = /^(\d+)([mhd])$/.exec(since);
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2]!]!).toISOString();
  const t = Date.parse(since);
  if (Number.isNaN(t)) throw new UsageError(`since: "${since}" is neither an ISO time nor a span like 24h or 7d`);
  return new Date(t).toISOString();
}

export function registerKpiRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/v1/kpi/remote', { config: { role: 'viewer' } }, async (request): Promise<RemoteKpi> => {
    const q = parseInput(KpiQuery, request.query, 'query');
    const now = ctx.now();
    const since = sinceTime(q.since ?? DEFAULT_WINDOW, now);
    const until = now.toISOString();
    return remoteKpi(await ctx.store.listRemoteOutcomes(since, until), since, until);
  });
}
