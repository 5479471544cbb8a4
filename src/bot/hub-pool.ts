// One bounded pool of kept-alive connections to the hub for all of a bot's
// chat requests. A client per request would open (and close) a connection per
// command; under a channel's burst that is dozens of connects at once, and
// the pool's bound is what keeps a burst from becoming as many requests at
// the hub: requests beyond it wait their turn in the pool. Calls answered
// with JSON go through it with the reads a channel asks at once shared
// (shared-reads.ts); streams use the pool directly.
import type { Dispatcher } from 'undici';
import requestApi from 'undici/lib/api/api-request.js';
import type { JsonTransportFactory } from '../core/client/json-transport.js';
import { UsageError } from '../core/errors.js';
import { locateService } from '../core/json-http.js';
import { openPool } from '../core/service-link.js';
import { shareReads } from './shared-reads.js';

/** The hub's own client defaults (src/core/client/connection.ts): a chat request waits no longer than a CLI call. */
const CONNECT_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 15_000;

export interface ChatHubLink {
  /** Every connection to the hub; destroyed when the bot stops. */
  dispatcher: Dispatcher;
  /** JSON calls over those connections, one transport for all chat clients (so they share reads). */
  transport: JsonTransportFactory;
}

export function chatHubLink(hubUrl: string, connections: number): ChatHubLink {
  const { origin } = locateService(hubUrl, (reason, shown) => new UsageError(`bad hub URL ${shown}: ${reason}`));
  const dispatcher = openPool(origin, { connections, connectTimeoutMs: CONNECT_TIMEOUT_MS, timeoutMs: REQUEST_TIMEOUT_MS });
  const transport = shareReads({
    send: (call) => requestApi.call(dispatcher, { ...call, origin, method: call.method as Dispatcher.HttpMethod }),
    // A client's close leaves the bot's connections open: the bot closes them when it stops.
    close: async () => undefined,
  });
  return { dispatcher, transport: () => transport };
}
