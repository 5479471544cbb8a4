// How long the hub's HTTP server waits on a client before letting go. Without
// bounds a connection that connects and sends nothing, or half a request, or
// sits idle after keep-alive, held a socket (and its memory) for minutes: 500
// of them were all still open after 65 s. The long-lived answers — the event
// stream and a diagnostics run's JSON Lines — opt out of the idle bound
// (keepStreamOpen); they end with their run, or are cut by their own bounds.
import type { ServerOptions, ServerResponse } from 'node:http';

export interface HttpTimeouts {
  /** From a connection's (or request's) start until its headers are complete (node's headersTimeout). */
  headersMs: number;
  /** From a request's start until all of it, body included, has arrived (requestTimeout). */
  requestMs: number;
  /** An idle keep-alive connection between requests. A reverse proxy in front should reuse connections for less. */
  keepAliveMs: number;
  /** No byte either way for this long, mid-request or mid-answer (the socket's timeout). */
  idleMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 30_000, idleMs: 60_000 };

/** Fastify's server options for these bounds. */
export function httpTimeoutOptions(given: Partial<HttpTimeouts> = {}): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  http: ServerOptions;
} {
  const t = { ...DEFAULT_HTTP_TIMEOUTS, ...given };
  return {
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    // Node checks the headers and request bounds on an interval (30 s by default, which let them overrun by that much).
    requestTimeout: Math.max(t.requestMs, t.headersMs),
    http: { headersTimeout: t.headersMs, connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(t.headersMs / 4))) },
  };
}

/**
 * A long-lived answer (the event stream, a diagnostics run) may be silent for
 * longer than the idle bound: its socket waits for it. The SSE stream's
 * heartbeat and backlog bound, and the end of a run, stand in for the bound.
 */
export function keepStreamOpen(res: ServerResponse): void {
  res.socket?.setTimeout(0);
}
