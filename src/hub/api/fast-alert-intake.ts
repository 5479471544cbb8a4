// POST /api/v2/alerts ahead of fastify's routing. In a storm this one route is
// nearly all the hub answers, and fastify's request, reply, hooks and routing
// were a third of what taking an alert in cost (bench/intake.mjs, profiled).
// This node:http handler takes only what it can answer exactly as the route
// would — a POST to that path with a JSON body of declared length within the
// limit — with the same authentication (the verified-token cache; a kept
// token confirmed with the rest of its group commit's: unconfirmed-caller.ts),
// the same checks and journal (takePostableText: the body's text journaled as
// it came) and the same error answers (answerToFailure). Anything else goes
// to fastify untouched; a body read here that is not plain JSON goes to
// fastify through app.inject with the same bytes, so its 400 is fastify's own.
// test/hub/fast-alert-intake.test.ts holds both paths to the same answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context.js';
import type { AlertPipeline } from '../incidents/alert-pipeline.js';
import { nearExpiry, requireRole } from './auth.js';
import { authenticateUnconfirmed } from './unconfirmed-caller.js';
import { answerToFailure, BODY_LIMIT_BYTES } from './errors.js';
import { takePostableText } from './routes/ingest.js';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const PATH = '/api/v2/alerts';
const JSON_TYPE = /^application\/json\s*(;|$)/i;
// What fastify's parser (secure-json-parse) looks at twice, or refuses: left to it.
const NOT_PLAIN = /__proto__|constructor|\\u/;

/** Whether the request is one this path answers as the route would, before a byte of its body is read. */
function takes(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || req.url !== PATH) return false;
  const type = req.headers['content-type'];
  const length = req.headers['content-length'];
  return type !== undefined && JSON_TYPE.test(type) && length !== undefined && req.headers['transfer-encoding'] === undefined && Number(length) <= BODY_LIMIT_BYTES;
}

// A request is read once and dropped: plain listeners, not once()'s wrappers; one chunk (a small body) as it came.
function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    req.on('data', (c: Buffer) => {
      if (first === undefined) first = c;
      else (more ??= [first]).push(c);
    });
    req.on('end', () => resolve(more ? Buffer.concat(more).toString('utf8') : (first?.toString('utf8') ?? '')));
    req.on('error', reject);
  });
}

// The answer to a body taken: the same for every request, built once.
const TAKEN_HEADERS = ['content-length', '0'];

/** The body as JSON, or undefined when fastify's parser should judge it (empty, malformed, or not plain). */
function plainJson(text: string): unknown {
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
async function throughFastify(app: FastifyInstance, req: IncomingMessage, text: string, res: ServerResponse): Promise<void> {
  const answer = await app.inject({ method: 'POST', url: PATH, headers: req.headers, payload: text });
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
  res.writeHead(answer.statusCode, headers as Record<string, string>).end(answer.rawPayload);
}

/**
 * A node:http handler that answers POST /api/v2/alerts itself and hands every
 * other request to `fastify` (its handler, as serverFactory gets it). `app` is
 * the fastify instance, asked for only once a request arrives.
 */
export function fastAlertIntake(ctx: HubContext, alerts: AlertPipeline, app: () => FastifyInstance, fastify: NodeHandler): NodeHandler {
  const take = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    // Counted as it is answered (the answer is written at once): no 'finish' listener a request.
    const answered = () => ctx.metrics.observeRequest('POST', PATH, res.statusCode, (performance.now() - started) / 1000);
    try {
      // As the route's onRequest hook: who, near expiry, may they — before the body is read.
      const unconfirmed = authenticateUnconfirmed(ctx, req);
      const { caller, confirm } = unconfirmed instanceof Promise ? await unconfirmed : unconfirmed;
      const expires = nearExpiry(caller, ctx.now());
      if (expires) res.setHeader('x-watchfloor-token-expires', expires);
      try {
        requireRole(caller, 'intake');
      } catch (e) {
        await confirm?.(); // a token revoked meanwhile is refused as revoked
        throw e;
      }
      const text = await bodyOf(req);
      const body = plainJson(text);
      if (body === undefined) {
        // fastify's onResponse counts it
        await throughFastify(app(), req, text, res);
        return;
      }
      await takePostableText(alerts, caller, body, text, ctx.now(), confirm);
      res.writeHead(200, TAKEN_HEADERS).end();
      answered();
    } catch (e) {
      if (res.headersSent) {
        res.destroy(e instanceof Error ? e : undefined);
        return;
      }
      const answer = answerToFailure(e, 'POST', PATH, ctx.log);
      const payload = JSON.stringify(answer.body);
      res.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) }).end(payload);
      answered();
    }
  };
  return (req, res) => {
    if (takes(req)) void take(req, res);
    else fastify(req, res);
  };
}
