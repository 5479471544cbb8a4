// What a node:http handler ahead of fastify's routing needs to answer a route
// exactly as fastify would: the body read, judged plain JSON or left to
// fastify's own parser, the request handed to fastify with the same bytes
// when it should judge it, and a failure answered through answerToFailure
// with the route's label on /metrics. The fast alert intake
// (fast-alert-intake.ts) and the fast ack (fast-ack.ts) share it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { TokenRole } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { HubContext } from '../context.js';
import { authenticate, nearExpiry, requireRole } from './auth.js';
import { answerToFailure, BODY_LIMIT_BYTES } from './errors.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const JSON_TYPE = /^application\/json\s*(;|$)/i;
// What fastify's parser (secure-json-parse) looks at twice, or refuses: left to it.
const NOT_PLAIN = /__proto__|constructor|\\u/;

/** A JSON body of declared length within the limit: one the fast paths may read, before a byte of it is. */
export function declaresJsonBody(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  const length = req.headers['content-length'];
  return type !== undefined && JSON_TYPE.test(type) && length !== undefined && req.headers['transfer-encoding'] === undefined && Number(length) <= BODY_LIMIT_BYTES;
}

/** As the routes' onRequest hook (auth.ts): who, near expiry, may they — before the body is read. */
export async function callerAhead(ctx: HubContext, req: IncomingMessage, res: ServerResponse, role: TokenRole): Promise<Caller> {
  const caller = await authenticate(ctx, req);
  const expires = nearExpiry(caller, ctx.now());
  if (expires) res.setHeader('x-watchfloor-token-expires', expires);
  requireRole(caller, role);
  return caller;
}

export function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** The body as JSON, or undefined when fastify's parser should judge it (empty, malformed, or not plain). */
export function plainJson(text: string): unknown {
  if (text.length === 0 || NOT_PLAIN.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// The hop-by-hop headers are this connection's, not the injected answer's.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/** A request already read, answered by fastify itself (with the same bytes). */
export async function throughFastify(app: FastifyInstance, req: IncomingMessage, text: string, res: ServerResponse): Promise<void> {
  const answer = await app.inject({ method: 'POST', url: req.url ?? '/', headers: req.headers, payload: text });
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  res.writeHead(answer.statusCode, headers as Record<string, string>).end(answer.rawPayload);
}

/** Whether fastify answers (and counts) the request after all: its onResponse observes it. */
export type Answer = (req: IncomingMessage, res: ServerResponse) => Promise<'answered' | 'through fastify'>;

/**
 * Runs `answer` for a request of `route` (its label on /metrics, as fastify's
 * onResponse gives it), observes it as fastify would, and answers a failure
 * as fastify's error handler would.
 */
export function answeredAhead(ctx: HubContext, route: string, answer: Answer) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    let observed = true;
    res.once('finish', () => {
      if (observed) ctx.metrics.observeRequest('POST', route, res.statusCode, (performance.now() - started) / 1000);
    });
    try {
      if ((await answer(req, res)) === 'through fastify') observed = false;
    } catch (e) {
      if (res.headersSent) {
        res.destroy(e instanceof Error ? e : undefined);
        return;
      }
      const failure = answerToFailure(e, 'POST', req.url ?? route, ctx.log);
      const payload = JSON.stringify(failure.body);
      res.writeHead(failure.status, { ...failure.headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) }).end(payload);
    }
  };
}
