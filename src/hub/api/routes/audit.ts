// Reading and verifying the audit log.
import type { FastifyInstance } from 'fastify';
import { UsageError } from '../../../core/errors.js';
import { SINCE_EXAMPLES, SINCE_RULE, sinceTimeOf } from '../../../core/time-input.js';
import { verifyAuditLog } from '../../audit/audit-log.js';
import type { HubContext } from '../../context.js';
import type { AuditQuery } from '../../store/store.js';
import { AuditListQuery, NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

const DEFAULT_LIMIT = 100;

/** `since` is a seq to continue after, or what `--since` takes (an ISO time or a span back from now). */
export function auditQueryOf(since: string | undefined, limit: number | undefined, now: Date): AuditQuery {
  const n = limit ?? DEFAULT_LIMIT;
  if (since === undefined) return { limit: n, newest: true };
  if (/^\d+$/.test(since)) {
    const seq = Number(since);
    if (!Number.isSafeInteger(seq)) throw new UsageError(`since: ${since} is past the last sequence number there can be`);
    return { afterSeq: seq, limit: n };
  }
  const at = sinceTimeOf(since, now);
  if (at === undefined) {
    throw new UsageError(`since: "${since}" is neither a sequence number nor ${SINCE_RULE}`, {
      hint: `the seq of the last entry you saw, or ${SINCE_EXAMPLES}`,
    });
  }
  return { since: at, limit: n };
}

export function registerAuditRoutes(app: FastifyInstance, ctx: HubContext): void {
  const supervisor = { config: { role: 'supervisor' as const } };

  app.get('/v1/audit', supervisor, async (request) => {
    const q = parseInput(AuditListQuery, request.query, 'query');
    return { entries: await ctx.store.listAudit(auditQueryOf(q.since, q.limit, ctx.now())) };
  });

  app.get('/v1/audit/verify', supervisor, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return verifyAuditLog(ctx.store);
  });
}
