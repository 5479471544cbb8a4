// CoreClient: the one way every front end (CLI, terminal UI, chat bot) talks
// to the hub. It returns domain types and throws typed errors; it never prints.
import requestApi from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import { CONNECTION_FAILURES, TIMEOUT_FAILURES, failureCode, locateService, openPool, readJson } from './json-http.js';
import { HubUnreachableError, HubError, NotFoundError, UsageError, errorFromApi } from './errors.js';
import type {
  Actor,
  Asset,
  AssetKind,
  AuditEntry,
  AuditVerification,
  Channel,
  ChatCard,
  ClaimCardInput,
  ClaimCardResult,
  DiagEvent,
  DiagnoseInput,
  DiagVerdictEvent,
  Dispatch,
  DispatchState,
  FleetStatus,
  HubEvent,
  Incident,
  IncidentDetail,
  IncidentState,
  RemoteKpi,
  Role,
  Severity,
  Site,
  SiteDetail,
  SiteKind,
  SiteTelemetry,
  SweepInput,
  SweepResult,
  SweepSummary,
  TokenInfo,
  WaitHistory,
} from './model.js';
import { resolveSite } from './site-match.js';
import { SseParser } from './sse.js';

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
  /** Injected in tests; by default a keep-alive Pool to hubUrl. */
  dispatcher?: Dispatcher;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Extra attempts for idempotent GETs on connection failures. */
  getRetries?: number;
}

export interface IncidentFilter {
  state?: IncidentState | 'open' | undefined;
  site?: string | undefined;
  severity?: Severity | undefined;
  limit?: number | undefined;
}

export interface SiteFilter {
  kind?: SiteKind | undefined;
  region?: string | undefined;
}

export interface AlertmanagerIngestResult {
  created: string[];
  updated: string[];
  resolved: string[];
  ignored: number;
}

export interface MutationResult {
  incident: Incident;
  /** false when the call changed nothing (e.g. the same officer acking twice). */
  changed: boolean;
}

// Failures where nothing reached the hub, so another try of a GET is safe.
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

// How long a diagnostic stream may be silent before the client gives up.
const STREAM_IDLE_MS = 120_000;

// The hub sends a heartbeat every 15 s; three missed ones mean the link is dead.
const EVENTS_IDLE_MS = 45_000;

export interface EventStreamOptions {
  /** Resume after this event id (sent as Last-Event-ID): the hub replays what was missed. */
  since?: number | undefined;
  /** Ends the stream; `events()` then resolves. */
  signal?: AbortSignal | undefined;
  onEvent(event: HubEvent): void;
  /** The hub accepted the stream: from here on events are live. */
  onOpen?: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class CoreClient {
  readonly hubUrl: string;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly token: string | undefined;
  private readonly channel: Channel;
  private readonly onBehalfOf: string | undefined;
  private readonly actAs: Role | undefined;
  private readonly requestTimeoutMs: number;
  private readonly getRetries: number;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(options: CoreClientOptions) {
    const where = locateService(
      options.hubUrl,
      (reason) =>
        new UsageError(`bad hub URL ${options.hubUrl}: ${reason}`, {
          hint: 'set it with `watchfloor config set hub http://127.0.0.1:7474` or WATCHFLOOR_HUB',
        }),
    );
    this.hubUrl = where.url;
    this.origin = where.origin;
    this.basePath = where.basePath;
    this.token = options.token;
    this.channel = options.channel ?? 'api';
    this.onBehalfOf = options.onBehalfOf;
    this.actAs = options.actAs;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.getRetries = options.getRetries ?? 2;
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      openPool(this.origin, { connections: 16, connectTimeoutMs: options.connectTimeoutMs ?? 2_000, timeoutMs: this.requestTimeoutMs });
  }

  /** Close the keep-alive connections so the process can exit promptly. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  // ---- low level -------------------------------------------------------

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const attempts = method === 'GET' ? 1 + this.getRetries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.requestOnce<T>(method, path, body);
      } catch (e) {
        const code = failureCode(e);
        if (attempt < attempts && code && RETRYABLE.has(code)) {
          await sleep(100 * 2 ** attempt);
          continue;
        }
        throw this.translate(e, code);
      }
    }
  }

  private async requestOnce<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers = this.headers('application/json');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await requestApi.call(this.dispatcher, {
      origin: this.origin,
      path: this.basePath + path,
      method: method as Dispatcher.HttpMethod,
      headers,
      body: payload,
      signal: AbortSignal.timeout(this.requestTimeoutMs),
    });
    const { value: parsed, notJson } = await readJson(res.body);
    if (notJson) {
      throw new HubError(`hub at ${this.hubUrl} answered HTTP ${res.statusCode} with a body that is not JSON`, {
        hint: 'is WATCHFLOOR_HUB pointing at a watchfloor hub?',
      });
    }
    if (res.statusCode >= 400) throw errorFromApi(res.statusCode, parsed);
    return parsed as T;
  }

  /** Who is calling, through which front end and for whom: the same on every request, streams included. */
  private headers(accept: string): Record<string, string> {
    const headers: Record<string, string> = { accept, 'x-watchfloor-channel': this.channel };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.onBehalfOf) headers['x-watchfloor-on-behalf-of'] = this.onBehalfOf;
    if (this.actAs) headers['x-watchfloor-act-as'] = this.actAs;
    return headers;
  }

  private translate(e: unknown, code: string | undefined): unknown {
    if (code && CONNECTION_FAILURES.has(code)) {
      return new HubUnreachableError(`cannot reach the hub at ${this.hubUrl} (${code})`, {
        hint: 'start it with `watchfloor hub start --demo`, or point at another with --hub / WATCHFLOOR_HUB',
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

  // ---- reads -------------------------------------------------------------

  health(): Promise<{ status: string; version: string; uptimeSeconds: number }> {
    return this.request('GET', '/healthz');
  }

  whoami(): Promise<Actor> {
    return this.request('GET', '/v1/whoami');
  }

  fleetStatus(): Promise<FleetStatus> {
    return this.request('GET', '/v1/status');
  }

  async listSites(filter: SiteFilter = {}): Promise<Site[]> {
    const res = await this.request<{ sites: Site[] }>('GET', `/v1/sites${query(filter)}`);
    return res.sites;
  }

  getSite(id: string): Promise<SiteDetail> {
    return this.request('GET', `/v1/sites/${encodeURIComponent(id)}`);
  }

  /** The site's wait, one sample a minute, over the last `minutes` (the hub's default: 60). */
  waitHistory(siteId: string, options: { minutes?: number } = {}): Promise<WaitHistory> {
    return this.request('GET', `/v1/sites/${encodeURIComponent(siteId)}/wait-history${query({ minutes: options.minutes })}`);
  }

  /**
   * Turn what a person typed (RUH, ruh, "king khalid", "الملك خالد") into one
   * site, or throw NotFoundError naming the nearest matches.
   */
  async findSite(text: string): Promise<Site> {
    const result = resolveSite(await this.listSites(), text);
    if (result.site) return result.site;
    const names = result.suggestions.map((s) => `${s.id} (${s.name.en})`);
    throw new NotFoundError(
      result.ambiguous
        ? `"${text}" matches more than one site: ${names.join(', ')}`
        : `no site matches "${text}"`,
      {
        hint: names.length && !result.ambiguous ? `did you mean ${names.join(', ')}?` : 'list them with `watchfloor sites list`',
        details: { suggestions: result.suggestions.map((s) => s.id) },
      },
    );
  }

  async listAssets(filter: { site?: string; kind?: AssetKind } = {}): Promise<Asset[]> {
    const res = await this.request<{ assets: Asset[] }>('GET', `/v1/assets${query(filter)}`);
    return res.assets;
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<Incident[]> {
    const res = await this.request<{ incidents: Incident[] }>('GET', `/v1/incidents${query(filter)}`);
    return res.incidents;
  }

  getIncident(id: string): Promise<IncidentDetail> {
    return this.request('GET', `/v1/incidents/${encodeURIComponent(id)}`);
  }

  // ---- incident actions --------------------------------------------------

  createIncident(input: { title: string; severity: Severity; siteId?: string; assetId?: string }): Promise<MutationResult> {
    return this.request('POST', '/v1/incidents', input);
  }

  ack(id: string): Promise<MutationResult> {
    return this.request('POST', `/v1/incidents/${encodeURIComponent(id)}/ack`, {});
  }

  assign(id: string, to: string): Promise<MutationResult> {
    return this.request('POST', `/v1/incidents/${encodeURIComponent(id)}/assign`, { to });
  }

  note(id: string, text: string): Promise<MutationResult> {
    return this.request('POST', `/v1/incidents/${encodeURIComponent(id)}/notes`, { text });
  }

  escalate(id: string, reason?: string): Promise<MutationResult> {
    return this.request('POST', `/v1/incidents/${encodeURIComponent(id)}/escalate`, reason ? { reason } : {});
  }

  resolve(id: string, summary: string): Promise<MutationResult> {
    return this.request('POST', `/v1/incidents/${encodeURIComponent(id)}/resolve`, { summary });
  }

  // ---- intake ------------------------------------------------------------

  ingestAlertmanager(payload: unknown): Promise<AlertmanagerIngestResult> {
    return this.request('POST', '/v1/ingest/alertmanager', payload);
  }

  ingestTelemetry(sites: SiteTelemetry[]): Promise<{ accepted: number }> {
    return this.request('POST', '/v1/ingest/telemetry', { sites });
  }

  // ---- tokens and audit --------------------------------------------------

  async listTokens(): Promise<TokenInfo[]> {
    return (await this.request<{ tokens: TokenInfo[] }>('GET', '/v1/tokens')).tokens;
  }

  createToken(input: { name: string; role: Role }): Promise<{ token: TokenInfo; secret: string }> {
    return this.request('POST', '/v1/tokens', input);
  }

  async revokeToken(id: string): Promise<TokenInfo> {
    return (await this.request<{ token: TokenInfo }>('DELETE', `/v1/tokens/${encodeURIComponent(id)}`)).token;
  }

  async listAudit(filter: { since?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    return (await this.request<{ entries: AuditEntry[] }>('GET', `/v1/audit${query(filter)}`)).entries;
  }

  verifyAudit(): Promise<AuditVerification> {
    return this.request('GET', '/v1/audit/verify');
  }

  // ---- remote diagnostics --------------------------------------------------

  /**
   * POST a body and read the answer as JSON Lines, calling `onLine` for each
   * object as it arrives. Errors before the stream starts are typed as usual.
   */
  async streamLines(path: string, body: unknown, onLine: (value: unknown) => void): Promise<void> {
    const headers = this.headers('application/x-ndjson, application/json');
    headers['content-type'] = 'application/json';
    try {
      const res = await requestApi.call(this.dispatcher, {
        origin: this.origin,
        path: this.basePath + path,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        // A run waits on devices (a reboot may take half a minute); only silence this long is a failure.
        bodyTimeout: STREAM_IDLE_MS,
        headersTimeout: this.requestTimeoutMs,
      });
      if (res.statusCode >= 400) {
        throw errorFromApi(res.statusCode, (await readJson(res.body)).value);
      }
      let pending = '';
      for await (const chunk of res.body) {
        pending += (chunk as Buffer).toString('utf8');
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl).trim();
          pending = pending.slice(nl + 1);
          if (line) onLine(JSON.parse(line));
        }
      }
      if (pending.trim()) onLine(JSON.parse(pending));
    } catch (e) {
      throw this.translate(e, failureCode(e));
    }
  }

  /**
   * Follow the hub's events (GET /v1/events, server-sent events) until the
   * hub ends the stream or `signal` aborts, then resolve with the id of the
   * last event seen (pass it as `since` to resume). A failure to connect or a
   * dropped stream rejects with a typed error; reconnecting is the caller's call.
   */
  async events(options: EventStreamOptions): Promise<number | undefined> {
    const headers = this.headers('text/event-stream');
    if (options.since !== undefined) headers['last-event-id'] = String(options.since);
    let lastId = options.since;
    const parser = new SseParser((message) => {
      // The hub puts the whole event in data; anything else on the stream is not ours.
      let event: HubEvent;
      try {
        event = JSON.parse(message.data) as HubEvent;
      } catch {
        return;
      }
      if (typeof event?.id !== 'number' || typeof event.type !== 'string') return;
      lastId = event.id;
      options.onEvent(event);
    });
    try {
      const res = await requestApi.call(this.dispatcher, {
        origin: this.origin,
        path: `${this.basePath}/v1/events`,
        method: 'GET',
        headers,
        signal: options.signal,
        headersTimeout: this.requestTimeoutMs,
        bodyTimeout: EVENTS_IDLE_MS,
      });
      if (res.statusCode >= 400) throw errorFromApi(res.statusCode, (await readJson(res.body)).value);
      options.onOpen?.();
      res.body.setEncoding('utf8');
      for await (const chunk of res.body) parser.push(chunk as string);
      return lastId;
    } catch (e) {
      if (options.signal?.aborted) return lastId;
      throw this.translate(e, failureCode(e));
    }
  }

  /** Diagnose a site, SITE/asset or incident; `onEvent` sees each probe, finding, action and verdict as it happens. */
  async diagnose(input: DiagnoseInput, onEvent: (event: DiagEvent) => void = () => {}): Promise<DiagVerdictEvent[]> {
    const verdicts: DiagVerdictEvent[] = [];
    await this.streamLines('/v1/diagnostics/runs', input, (value) => {
      const event = value as DiagEvent;
      if (event.type === 'verdict') verdicts.push(event);
      onEvent(event);
    });
    return verdicts;
  }

  /** Sweep many assets; `onResult` sees one result per asset; resolves with the summary. */
  async sweep(input: SweepInput, onResult: (result: SweepResult) => void = () => {}): Promise<SweepSummary> {
    let summary: SweepSummary | undefined;
    await this.streamLines('/v1/diagnostics/sweeps', input, (value) => {
      const event = value as SweepResult | SweepSummary | { type: 'error'; message: string };
      if (event.type === 'result') onResult(event);
      else if (event.type === 'summary') summary = event;
      else throw new HubError(event.message);
    });
    if (!summary) throw new HubError('the sweep ended without a summary', { hint: 'the hub may have stopped; look at its log' });
    return summary;
  }

  async listDispatches(filter: { state?: DispatchState | undefined; site?: string | undefined } = {}): Promise<Dispatch[]> {
    return (await this.request<{ dispatches: Dispatch[] }>('GET', `/v1/dispatches${query(filter)}`)).dispatches;
  }

  async getDispatch(id: string): Promise<Dispatch> {
    return (await this.request<{ dispatch: Dispatch }>('GET', `/v1/dispatches/${encodeURIComponent(id)}`)).dispatch;
  }

  async closeDispatch(id: string, note: string): Promise<Dispatch> {
    return (await this.request<{ dispatch: Dispatch }>('POST', `/v1/dispatches/${encodeURIComponent(id)}/close`, { note })).dispatch;
  }

  // ---- chat cards ------------------------------------------------------------

  /** Claim the card of an incident in a chat target: `claimed` true means this caller posts it. */
  claimCard(input: ClaimCardInput): Promise<ClaimCardResult> {
    return this.request('POST', '/v1/cards/claim', input);
  }

  /** Record the message the claimer posted, so later changes update it in place. */
  async recordCard(input: { incidentId: string; target: string; messageRef: string }): Promise<ChatCard> {
    return (await this.request<{ card: ChatCard }>('POST', '/v1/cards/record', input)).card;
  }

  async listCards(filter: { incidentId?: string | undefined; target?: string | undefined } = {}): Promise<ChatCard[]> {
    return (await this.request<{ cards: ChatCard[] }>('GET', `/v1/cards${query(filter)}`)).cards;
  }

  /** `since`: an ISO time or a span back from now (24h, 7d); default 24h. */
  remoteKpi(filter: { since?: string | undefined } = {}): Promise<RemoteKpi> {
    return this.request('GET', `/v1/kpi/remote${query(filter)}`);
  }
}

function query(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
