// One bounded pool of kept-alive connections to the hub for all of a bot's
// chat requests. A client per request would open (and close) a connection per
// command; under a channel's burst that is dozens of connects at once, and
// the pool's bound is what keeps a burst from becoming as many requests at
// the hub: requests beyond it wait their turn in the pool.
import type { Dispatcher } from 'undici';
import { UsageError } from '../core/errors.js';
import { locateService } from '../core/json-http.js';
import { openPool } from '../core/service-link.js';

/** The hub's own client defaults (src/core/client/connection.ts): a chat request waits no longer than a CLI call. */
const CONNECT_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 15_000;

export function chatHubPool(hubUrl: string, connections: number): Dispatcher {
  const { origin } = locateService(hubUrl, (reason, shown) => new UsageError(`bad hub URL ${shown}: ${reason}`));
  return openPool(origin, { connections, connectTimeoutMs: CONNECT_TIMEOUT_MS, timeoutMs: REQUEST_TIMEOUT_MS });
}
