// Who am I, and the admin's management of API tokens.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import type { TokenSessions } from '../../tokens/token-sessions.js';
import { issueToken, revokeToken } from '../../tokens/tokens.js';
import { transact } from '../../transact.js';
import { callerOf } from '../auth.js';
import { CreateTokenBody, IdParams, NoQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

export function registerIdentityRoutes(app: FastifyInstance, ctx: HubContext, sessions: TokenSessions): void {
  const admin = { config: { role: 'admin' as const } };

  app.get('/v1/whoami', { config: { role: 'viewer' } }, async (request) => callerOf(request).actor);

  app.get('/v1/tokens', admin, async (request) => {
    parseInput(NoQuery, request.query, 'query');
    return { tokens: await ctx.store.listTokens() };
  });

  app.post('/v1/tokens', admin, async (request, reply) => {
    const body = parseInput(CreateTokenBody, request.body, 'token');
    const issued = await transact(ctx, (tx) => issueToken(tx, callerOf(request), body, ctx.now().toISOString()));
    return reply.status(201).send(issued);
  });

  app.delete('/v1/tokens/:id', admin, async (request) => {
    const { id } = parseInput(IdParams, request.params, 'token id');
    const token = await transact(ctx, (tx) => revokeToken(tx, callerOf(request), id, ctx.now().toISOString()));
    // Committed: what the token still has open (event streams) ends now, not at its next request.
    sessions.revoked(token.id);
    return { token };
  });
}
