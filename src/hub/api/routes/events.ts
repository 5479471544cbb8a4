// GET /v1/events: the hub's events as server-sent events. Streams are tracked
// so closing the hub ends them instead of waiting on them forever, and held
// under their token so its revocation or expiry ends them too.
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../../context.js';
import { cutOffLine } from '../../events/cut-off-line.js';
import { openSseStream, type SseStream } from '../../events/sse-stream.js';
import type { TokenSessions } from '../../tokens/token-sessions.js';
import { callerOf } from '../auth.js';
import { EventsQuery } from '../schemas.js';
import { parseInput } from '../validate.js';

function lastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function registerEventRoutes(app: FastifyInstance, ctx: HubContext, sessions: TokenSessions): void {
  const streams = new Set<SseStream>();
  // How long the streams take to be handed each publish, for /metrics.
  ctx.bus.observeFanout((ms) => ctx.metrics.observeFanout(ms / 1000));
  app.addHook('preClose', async () => {
    for (const s of [...streams]) s.close();
  });

  app.get('/v1/events', { config: { role: 'viewer', tokenInQuery: true } }, async (request, reply) => {
    const q = parseInput(EventsQuery, request.query, 'query');
    // Read now: once a cut-off client's socket is gone, so is its address.
    const { token, actor } = callerOf(request);
    const from = request.ip;
    reply.hijack();
    let ended = false;
    let release = () => {};
    // Declared first: a replay can cut the stream off (and call onClose) before openSseStream returns.
    let stream: SseStream | undefined = undefined;
    stream = openSseStream(reply.raw, ctx.bus, {
      sinceId: lastEventId(request.headers['last-event-id']) ?? q.since,
      onCutOff: (cut) => ctx.log(cutOffLine(actor.name, from, cut)),
      onClose: () => {
        ended = true;
        release();
        if (stream) streams.delete(stream);
      },
    });
    // A replay too large for the client can end the stream before it is returned.
    if (ended) return;
    const opened = stream;
    streams.add(opened);
    if (token) release = sessions.hold(token, () => opened.close());
  });
}
