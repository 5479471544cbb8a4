// POST /api/v2/alerts ahead of fastify's routing. In a storm this one route is
// nearly all the hub answers, and fastify's request, reply, hooks and routing
// were a third of what taking an alert in cost (bench/intake.mjs, profiled).
// This node:http handler takes only what it can answer exactly as the route
// would — a POST to that path with a JSON body of declared length within the
// limit — with the same authentication (the verified-token cache), the same
// checks and journal (takePostableText: the body's text journaled as it came)
// and the same error answers
// (answerToFailure). Anything else goes to fastify untouched; a body read
// here that is not plain JSON goes to fastify through app.inject with the same
// bytes, so its 400 is fastify's own. test/hub/fast-alert-intake.test.ts holds
// both paths to the same answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context.js';
import type { AlertPipeline } from '../incidents/alert-pipeline.js';
import { answeredAhead, bodyOf, callerAhead, declaresJsonBody, plainJson, throughFastify, type NodeHandler } from './ahead-of-fastify.js';
import { takePostableText } from './routes/ingest.js';

export type { NodeHandler } from './ahead-of-fastify.js';

const PATH = '/api/v2/alerts';

/** Whether the request is one this path answers as the route would, before a byte of its body is read. */
function takes(req: IncomingMessage): boolean {
  return req.method === 'POST' && req.url === PATH && declaresJsonBody(req);
}

/**
 * A node:http handler that answers POST /api/v2/alerts itself and hands every
 * other request to `fastify` (its handler, as serverFactory gets it). `app` is
 * the fastify instance, asked for only once a request arrives.
 */
export function fastAlertIntake(ctx: HubContext, alerts: AlertPipeline, app: () => FastifyInstance, fastify: NodeHandler): NodeHandler {
  const take = answeredAhead(ctx, PATH, async (req: IncomingMessage, res: ServerResponse) => {
    const caller = await callerAhead(ctx, req, res, 'intake');
    const text = await bodyOf(req);
    const body = plainJson(text);
    if (body === undefined) {
      await throughFastify(app(), req, text, res); // fastify's onResponse counts it
      return 'through fastify';
    }
    await takePostableText(alerts, caller, body, text, ctx.now());
    res.writeHead(200, { 'content-length': '0' }).end();
    return 'answered';
  });
  return (req, res) => {
    if (takes(req)) void take(req, res);
    else fastify(req, res);
  };
}
