// POST /v1/incidents/:id/ack ahead of fastify's routing. While 200 clients
// watch the event stream, acks come in at hundreds a second and each one
// waits for whatever holds the hub's event loop; fastify's request, reply,
// hooks, routing, parsing and serialization were a share of every ack's work
// and garbage (bench/fanout.mjs --probe with WF_HUB_HEAP_SAMPLE). This
// node:http handler takes only what it can answer exactly as the route
// (routes/incidents.ts) would — a POST to the path with an id of plain URL
// characters and no query, with a JSON body of declared length — with the
// same authentication and role (officer), the same checks, the same action
// (ackIncident) and the same answers; anything else goes to fastify as it
// came (ahead-of-fastify.ts). test/hub/fast-ack.test.ts holds both ways in to
// the same answers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { HubContext } from '../context.js';
import { ackIncident } from '../incidents/incident-actions.js';
import { answeredAhead, bodyOf, callerAhead, declaresJsonBody, plainJson, throughFastify, type NodeHandler } from './ahead-of-fastify.js';
import { AckBody } from './schemas.js';
import { parseInput } from './validate.js';

export const ACK_ROUTE = '/v1/incidents/:id/ack';
// Ids the route's parameter would read back unchanged (no percent-encoding to decode), within its 200 characters.
const ACK_PATH = /^\/v1\/incidents\/([A-Za-z0-9._~-]{1,200})\/ack$/;

/** The incident id of a request this path answers as the route would, before a byte of its body is read. */
function ackedId(req: IncomingMessage): string | undefined {
  if (req.method !== 'POST' || !declaresJsonBody(req)) return undefined;
  return ACK_PATH.exec(req.url ?? '')?.[1];
}

/** `{}` (nearly every ack) needs no schema; anything else is judged by the route's. */
const isEmptyObject = (body: unknown) => typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;

/** A node:http handler that answers an ack itself and hands every other request to `fastify`. */
export function fastAck(ctx: HubContext, app: () => FastifyInstance, fastify: NodeHandler): NodeHandler {
  const take = answeredAhead(ctx, ACK_ROUTE, async (req: IncomingMessage, res: ServerResponse) => {
    const caller = await callerAhead(ctx, req, res, 'officer');
    const text = await bodyOf(req);
    const body = plainJson(text);
    if (body === undefined) {
      await throughFastify(app(), req, text, res);
      return 'through fastify';
    }
    if (!isEmptyObject(body)) parseInput(AckBody, body, 'acknowledgement');
    const payload = JSON.stringify(await ackIncident(ctx, caller, ackedId(req)!));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(payload)) }).end(payload);
    return 'answered';
  });
  return (req, res) => {
    if (ackedId(req) === undefined) fastify(req, res);
    else void take(req, res);
  };
}
