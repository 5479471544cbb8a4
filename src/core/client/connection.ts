// The hub connection every noun's calls go through: where the hub is, who is
// calling (token, channel, the chat user acted for), one keep-alive pool, and
// how a failure becomes a typed error. It knows no noun; client/<noun>.ts do.
// undici (its pool and request API) loads on the first call that needs it.
import type { Dispatcher } from 'undici';
import { HubError, HubUnreachableError, UsageError, errorFromApi } from '../errors.js';
import { CERTIFICATE_FAILURES, CONNECTION_FAILURES, TIMEOUT_FAILURES, checkServiceUrl, failureCode, readJson, type ServiceLocation } from '../json-http.js';
import type { ServiceLinkOptions } from '../service-link.js';
import type { JsonAnswer, JsonCall, JsonTransport, JsonTransportFactory } from './json-transport.js';
import type { UndiciHub } from './undici-hub.js';
import type { Channel, Role } from '../vocabulary.js';

export interface CoreClientOptions {
  /** Base URL of the hub, e.g. http://127.0.0.1:7474 */
  hubUrl: string;
  token?: string | undefined;
  /** Which front end is calling; recorded on timelines and in the audit log. */
  channel?: Channel;
  /** For chat front ends: the chat user a call is made for (slack:U123). */
  onBehalfOf?: string;
  /** For chat front ends: the chat user's role; the hub grants the lower of it and the token's role. */
  actAs?: Role | undefined;
  /**
   * Which of a site's assets `getSite` brings: `all` (the default), or only
   * those not ok, with `assetCount` counting them all — for chat, which draws no more.
   */
  siteAssets?: 'all' | 'attention';
  /** Injected in tests; by default a keep-alive Pool to hubUrl. */
  dispatcher?: Dispatcher;
  /**
   * What carries the calls answered with JSON (the CLI's: node:http; the
   * bot's: its pool, with reads shared); by default undici, as for streams,
   * which always go through undici (the dispatcher, when one is given).
   */
  transport?: JsonTransportFactory;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** CA certificates (PEM) an https:// hub is trusted by, instead of the system's. */
  ca?: string | Buffer | undefined;
  /** Extra attempts for idempotent GETs on connection failures. */
  getRetries?: number;
  /** Told the token's expiry when the hub says it is near (x-watchfloor-token-expires). */
  onTokenExpiry?: ((expiresAt: string) => void) | undefined;
}

// Failures where nothing reached the hub, so another try of a GET is safe.
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A raw request for streams (NDJSON, server-sent events); `request` is for JSON answers. */
export interface StreamRequest {
  method: 'GET' | 'POST';
  path: string;
  accept: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Silence this long ends the stream. */
  bodyTimeoutMs: number;
}

export class HubConnection {
  readonly hubUrl: string;
  readonly requestTimeoutMs: number;
  private readonly rawHubUrl: string;
  private readonly where: ServiceLocation;
  private readonly linkOptions: ServiceLinkOptions;
  private readonly json: JsonTransport | undefined;
  private undici: Promise<UndiciHub> | undefined;
  private readonly token: string | undefined;
  private readonly channel: Channel;
  private readonly onBehalfOf: string | undefined;
  private readonly actAs: Role | undefined;
  private readonly getRetries: number;
  private readonly onTokenExpiry: ((expiresAt: string) => void) | undefined;

  constructor(options: CoreClientOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.linkOptions = {
      invalid: (reason, shown) =>
        new UsageError(`bad hub URL ${shown}: ${reason}`, {
          hint: 'set it with `watchfloor config set hub http://127.0.0.1:7474` or WATCHFLOOR_HUB',
        }),
      refuseUserinfo: (shown) =>
        new UsageError(`the hub URL ${shown} carries a user name or password; the hub takes an API token instead`, {
          hint: 'drop "user:password@" from the URL and pass the token with --token, WATCHFLOOR_TOKEN or `watchfloor config set token wf_…`',
        }),
      dispatcher: options.dispatcher,
      pool: { connections: 16, connectTimeoutMs: options.connectTimeoutMs ?? 2_000, timeoutMs: this.requestTimeoutMs, ca: options.ca },
    };
    this.where = checkServiceUrl(options.hubUrl, this.linkOptions);
    this.hubUrl = this.where.url;
    this.rawHubUrl = options.hubUrl;
    const { pool } = this.linkOptions;
    this.json = options.transport ? options.transport({ origin: this.where.origin, connectTimeoutMs: pool.connectTimeoutMs, ca: pool.ca }) : undefined;
    this.token = options.token;
    this.channel = options.channel ?? 'api';
    this.onBehalfOf = options.onBehalfOf;
    this.actAs = options.actAs;
    this.getRetries = options.getRetries ?? 2;
    this.onTokenExpiry = options.onTokenExpiry;
  }

  /** Close the keep-alive connections so the process can exit promptly. */
  async close(): Promise<void> {
    await Promise.all([this.json?.close(), this.undici?.then((hub) => hub.close())]);
  }

  /** The undici pool and request API, loaded and opened on first use. */
  private undiciHub(): Promise<UndiciHub> {
    return (this.undici ??= import('./undici-hub.js').then(({ UndiciHub }) => new UndiciHub(this.rawHubUrl, this.linkOptions)));
  }

  private async send(call: JsonCall): Promise<JsonAnswer> {
    return this.json ? this.json.send(call) : (await this.undiciHub()).request({ ...call, method: call.method as Dispatcher.HttpMethod });
  }

  /**
   * A call answered with JSON; GETs are retried when nothing reached the hub.
   * The body is sent as JSON, or as it is with `contentType` (a playbook's YAML).
   */
  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<T> {
    const attempts = method === 'GET' ? 1 + this.getRetries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.requestOnce<T>(method, path, body, contentType);
      } catch (e) {
        const code = failureCode(e);
        if (attempt < attempts && code && RETRYABLE.has(code)) {
          await sleep(100 * 2 ** attempt);
          continue;
        }
        throw this.translate(e);
      }
    }
  }

  private async requestOnce<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const headers = this.headers('application/json');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = contentType !== undefined && typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] = contentType ?? 'application/json';
    }
    const res = await this.send({
      method,
      path: this.where.basePath + path,
      headers,
      body: payload,
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    this.noticeExpiry(res.headers);
    const { value: parsed, notJson } = await readJson(res.body);
    if (notJson) {
      throw new HubError(`hub at ${this.hubUrl} answered HTTP ${res.statusCode} with a body that is not JSON`, {
        hint: 'is WATCHFLOOR_HUB pointing at a watchfloor hub?',
      });
    }
    if (res.statusCode >= 400) throw errorFromApi(res.statusCode, parsed);
    return parsed as T;
  }

  /**
   * Open a stream and hand back its body once the hub has accepted it; an
   * error answer is thrown typed. Failures are the caller's to translate.
   */
  async openStream(request: StreamRequest): Promise<Dispatcher.ResponseData['body']> {
    const headers = { ...this.headers(request.accept), ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const res = await (await this.undiciHub()).request({
      path: this.where.basePath + request.path,
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      bodyTimeout: request.bodyTimeoutMs,
      headersTimeout: this.requestTimeoutMs,
    });
    this.noticeExpiry(res.headers);
    if (res.statusCode >= 400) throw errorFromApi(res.statusCode, (await readJson(res.body)).value);
    return res.body;
  }

  private noticeExpiry(headers: JsonAnswer['headers']): void {
    const value = headers['x-watchfloor-token-expires'];
    const expiresAt = Array.isArray(value) ? value[0] : value;
    if (expiresAt && this.onTokenExpiry) this.onTokenExpiry(expiresAt);
  }

  /** Who is calling, through which front end and for whom: the same on every request, streams included. */
  private headers(accept: string): Record<string, string> {
    const headers: Record<string, string> = { accept, 'x-watchfloor-channel': this.channel };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.onBehalfOf) headers['x-watchfloor-on-behalf-of'] = this.onBehalfOf;
    if (this.actAs) headers['x-watchfloor-act-as'] = this.actAs;
    return headers;
  }

  /** A network failure as the typed error a person can act on; anything else unchanged. */
  translate(e: unknown): unknown {
    const code = failureCode(e);
    if (code && CONNECTION_FAILURES.has(code)) {
      return new HubUnreachableError(`cannot reach the hub at ${this.hubUrl} (${code})`, {
        hint: 'start it with `watchfloor hub start --demo`, or point at another with --hub / WATCHFLOOR_HUB',
        cause: e,
        details: { url: this.hubUrl },
      });
    }
    if (code && CERTIFICATE_FAILURES.has(code)) {
      return new HubUnreachableError(`cannot trust the hub at ${this.hubUrl}: TLS failed (${code})`, {
        hint: this.hubUrl.startsWith('https:')
          ? "pass the CA that signed the hub's certificate with --ca FILE (or `watchfloor config set ca FILE`), and use the name or address the certificate is for"
          : 'the hub speaks TLS: use its https:// URL',
        cause: e,
        details: { url: this.hubUrl },
      });
    }
    if (code && TIMEOUT_FAILURES.has(code)) {
      return new HubUnreachableError(`the hub at ${this.hubUrl} did not answer within ${this.requestTimeoutMs / 1000}s`, {
        hint: 'the hub may be overloaded or hung; look at its log (the stderr of `watchfloor hub start`)',
        cause: e,
        details: { url: this.hubUrl },
      });
    }
    return e;
  }
}

/** A query string from the defined, non-empty values. */
export function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    // A list repeats its key (?scenario=a&scenario=b): its items may hold commas.
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
