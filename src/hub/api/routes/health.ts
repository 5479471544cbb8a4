// Liveness and metrics: no token, so load balancers and Prometheus can scrape.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/healthz', async () => ({
    status: 'ok',
    version: ctx.version,
    uptimeSeconds: Math.max(0, Math.floor((ctx.now().getTime() - ctx.startedAt.getTime()) / 1000)),
  }));

  app.get('/metrics', async (_request, reply) => {
    const text = await ctx.metrics.render();
    return reply.type(ctx.metrics.registry.contentType).send(text);
  });
}
