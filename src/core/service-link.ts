// A service at a base URL and a keep-alive undici pool to it: the connections
// of the hub's device transport, the emulator's control client and the
// CoreClient's streams. Kept out of json-http.ts so a command that only checks
// a URL, or talks through node:http, never loads undici.
import PoolCtor from 'undici/lib/dispatcher/pool.js';
import type { Dispatcher } from 'undici';
import { checkServiceUrl, type ServiceLocation, type ServiceUrlOptions } from './json-http.js';

export interface PoolOptions {
  connections: number;
  connectTimeoutMs: number;
  /** Headers and body timeouts; without one, each request sets its own. */
  timeoutMs?: number;
  /** How long an idle connection is kept (default 10 s). */
  keepAliveMs?: number;
  /** CA certificates (PEM) an https:// service is trusted by, instead of the system's. */
  ca?: string | Buffer | undefined;
}

export function openPool(origin: string, options: PoolOptions): Dispatcher {
  return new PoolCtor(origin, {
    connections: options.connections,
    connect: { timeout: options.connectTimeoutMs, ...(options.ca ? { ca: options.ca } : {}) },
    keepAliveTimeout: options.keepAliveMs ?? 10_000,
    ...(options.timeoutMs === undefined ? {} : { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs }),
  });
}

export interface ServiceLinkOptions extends ServiceUrlOptions {
  /** A dispatcher shared with others (a fleet sweep's Agent, a test's); by default a pool of the link's own. */
  dispatcher?: Dispatcher | undefined;
  pool: PoolOptions;
}

/**
 * A service at a base URL and the connections to it: the dispatcher the
 * caller gave (left open at close) or a keep-alive pool of its own (closed).
 */
export class ServiceLink implements ServiceLocation {
  readonly url: string;
  readonly origin: string;
  readonly basePath: string;
  readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(raw: string, options: ServiceLinkOptions) {
    const where = checkServiceUrl(raw, options);
    this.url = where.url;
    this.origin = where.origin;
    this.basePath = where.basePath;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher = options.dispatcher ?? openPool(this.origin, options.pool);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}
