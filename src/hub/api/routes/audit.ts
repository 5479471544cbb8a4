// Reading and verifying the audit log, and its signed checkpoints.
import type { FastifyInstance } from 'fastify';
import { NotFoundError, UsageError } from '../../../core/errors.js';
import type { AuditCheckpoint } from '../../../core/model.js';
import { SINCE_EXAMPLES, SINCE_RULE, sinceTimeOf } from '../../../core/time-input.js';
import { verifyAuditLog } from '../../audit/audit-log.js';
import type { HubContext } from '../../context.js';
import type { AuditQuery } from '../../store/store.js';
import { AuditListQuery, NoQuery, VerifyAuditBody } from '../schemas.js';
import { parseInput } from '../validate.js';

const DEFAULT_LIMIT = 100;
// A checkpoint is some 330 bytes as JSON: room for the most the body schema takes.
const VERIFY_BODY_LIMIT_BYTES = 48 * 1024 * 1024;

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

  // The chain, and the hub's own checkpoints plus any the caller kept elsewhere.
  const verify = (given: readonly AuditCheckpoint[]) =>
    verifyAuditLog(ctx.store, ctx.audit ? { fingerprint: ctx.audit.fingerprint, own: ctx.audit.own(), given } : undefined);

  app.get('/v1/audit', supervisor, async (request) => {
    const q = parseInput(AuditListQuery, request.query, 'query');
    return { entries: await ctx.store.listAudit(auditQueryOf(q.since, q.limit, ctx.now())) };
  });

  app.get('/v1/audit/verify', supervisor, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return verify([]);
  });

  app.post('/v1/audit/verify', { ...supervisor, bodyLimit: VERIFY_BODY_LIMIT_BYTES }, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return verify(parseInput(VerifyAuditBody, request.body, 'body').checkpoints);
  });

  // The head signed now (if it moved since the last checkpoint), for an auditor to keep.
  app.get('/v1/audit/checkpoint', supervisor, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    const checkpoint = await ctx.audit?.current();
    if (!checkpoint) {
      throw new NotFoundError(ctx.audit ? 'the audit log is empty: there is no head to sign yet' : 'this hub signs no audit checkpoints');
    }
    return { checkpoint };
  });
}
