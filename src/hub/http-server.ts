// The hub's node:http (or https) server, made as fastify would make it — the
// same bounds on slow and idle clients (http-timeouts.ts) — but with a handler
// of the hub's own in front of fastify's (serverFactory): the fast alert
// intake (api/fast-alert-intake.ts) answers its one route before routing.
import { createServer as createHttpServer, type Server, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { NodeHandler } from './api/fast-alert-intake.js';

/** What fastify hands its serverFactory of its own options (its defaults filled in). */
interface FastifyServerOptions {
  http?: ServerOptions;
  https?: object | null;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
}

/** A fastify serverFactory whose server hands each request to `inFront(fastify's handler)`. */
export function serverFactoryWith(inFront: (fastify: NodeHandler) => NodeHandler) {
  return (fastify: NodeHandler, options: Record<string, unknown>): Server => {
    const o = options as unknown as FastifyServerOptions;
    const handler = inFront(fastify);
    const server = o.https ? (createHttpsServer(o.https, handler) as Server) : createHttpServer(o.http ?? {}, handler);
    server.keepAliveTimeout = o.keepAliveTimeout;
    server.requestTimeout = o.requestTimeout;
    server.setTimeout(o.connectionTimeout);
    return server;
  };
}
