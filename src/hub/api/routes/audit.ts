// Reading and verifying the audit log.
import type { FastifyInstance } from 'fastify';
import { UsageError } from '../../../core/errors.js';
import { verifyAuditLog } from '../../audit/audit-log.js';
import type { HubContext } from '../../context.js';
import type { AuditQuery } from '../../store/store.js';
import { AuditListQuery, NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

const DEFAULT_LIMIT = 100;

/** `since` is a seq to continue after, or an ISO time. */
export function auditQueryOf(since: string | undefined, limit: number | undefined): AuditQuery {
  const n = limit ?? DEFAULT_LIMIT;
  if (since === undefined) return { limit: n, newest: true };
  if (/^\d+$/.test(since)) return { afterSeq: Number(since), limit: n };
  const at = Date.parse(since);
  if (Number.isNaN(at)) {
    throw new UsageError(`invalid since: "${since}" is neither a sequence number nor a time`, {
      hint: 'use e.g. 2026-11-29T02:00:00Z or the seq of the last entry you saw',
    });
  }
  return { since: new Date(at).toISOString(), limit: n };
}

export function registerAuditRoutes(app: FastifyInstance, ctx: HubContext): void {
  const supervisor = { config: { role: 'supervisor' as const } };

  app.get('/v1/audit', supervisor, async (request) => {
    const q = parseInput(AuditListQuery, request.query, 'query');
    return { entries: await ctx.store.listAudit(auditQueryOf(q.since, q.limit)) };
  });

  app.get('/v1/audit/verify', supervisor, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return verifyAuditLog(ctx.store);
  });
}
