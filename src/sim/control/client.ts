// SimControlClient: the device emulator's control endpoint (/control/v1), for
// drills, tests and benchmarks. The emulator is the world, not the hub: this
// talks to it directly, plain JSON over HTTP, and never to the hub. The shapes
// are the emulator's own contract (contract.ts beside this file); only the
// demo's drill commands (`watchfloor sim …`) load this client.
import requestApi from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import { ConflictError, HubError, HubUnreachableError, NotFoundError, UnauthenticatedError, UsageError } from '../../core/errors.js';
import { CONNECTION_FAILURES, TIMEOUT_FAILURES, failureCode, readJson } from '../../core/json-http.js';
import { ServiceLink } from '../../core/service-link.js';
import type { FaultMix, GroundTruthFault } from '../../core/model/emulator-control.js';

export type { FaultMix, FaultMixEntry, GroundTruthFault, RemoteRemedy } from '../../core/model/emulator-control.js';

export interface SimControlClientOptions {
  /** The emulator's base URL, e.g. http://127.0.0.1:43121 (RunningHub.simUrl). */
  simUrl: string;
  /** Its control endpoint's bearer token (RunningHub.simToken); without it every call is refused. */
  token?: string | undefined;
  timeoutMs?: number;
  /** Injected in tests; by default a keep-alive Pool to simUrl. */
  dispatcher?: Dispatcher;
}

const CONTROL = '/control/v1';

export class SimControlClient {
  readonly simUrl: string;
  private readonly timeoutMs: number;
  private readonly link: ServiceLink;
  private readonly token: string | undefined;

  constructor(options: SimControlClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.link = new ServiceLink(options.simUrl, {
      invalid: (reason, shown) =>
        new UsageError(`bad emulator URL ${shown}: ${reason}`, {
          hint: 'e.g. http://127.0.0.1:43121 (printed by `watchfloor hub start --demo`)',
        }),
      refuseUserinfo: (shown) =>
        new UsageError(`the emulator URL ${shown} carries a user name or password; the emulator takes its control token instead`, {
          hint: 'drop "user:password@" from the URL; `watchfloor hub start --demo` stores the token as simToken in the profile',
        }),
      dispatcher: options.dispatcher,
      pool: { connections: 8, connectTimeoutMs: 2_000, timeoutMs: this.timeoutMs },
    });
    this.simUrl = this.link.url;
    this.token = options.token;
  }

  close(): Promise<void> {
    return this.link.close();
  }

  /** The faults present now; `site` narrows to one site's assets. */
  async faults(filter: { site?: string | undefined } = {}): Promise<GroundTruthFault[]> {
    const q = filter.site ? `?site=${encodeURIComponent(filter.site)}` : '';
    return (await this.call<{ faults: GroundTruthFault[] }>('GET', `/faults${q}`)).faults;
  }

  /** A drill: give a healthy asset a fault of its kind. */
  async inject(assetId: string, fault: string): Promise<GroundTruthFault> {
    return (await this.call<{ fault: GroundTruthFault }>('POST', '/faults', { assetId, fault })).fault;
  }

  /** A technician repaired the asset on site; null when it had no fault. */
  async repair(assetId: string): Promise<GroundTruthFault | null> {
    // Asset ids hold one slash (RUH/egate-07); the emulator takes it literally.
    const path = assetId.split('/').map(encodeURIComponent).join('/');
    return (await this.call<{ fault: GroundTruthFault | null }>('DELETE', `/faults/${path}`)).fault;
  }

  /** The fault kinds of every asset kind with their weights, and the fleet's mix. */
  faultKinds(): Promise<FaultMix> {
    return this.call('GET', '/fault-kinds');
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let res: Dispatcher.ResponseData;
    try {
      res = await requestApi.call(this.link.dispatcher, {
        origin: this.link.origin,
        path: this.link.basePath + CONTROL + path,
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw this.unreachable(e);
    }
    const { value: parsed, notJson } = await readJson(res.body);
    if (notJson) {
      throw new HubError(`${this.simUrl} answered HTTP ${res.statusCode} with a body that is not JSON`, {
        hint: 'is this the device emulator\'s URL (printed by `watchfloor hub start --demo`)?',
      });
    }
    if (res.statusCode >= 400) throw this.refused(res.statusCode, parsed);
    return parsed as T;
  }

  private refused(status: number, body: unknown): Error {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const message = typeof error?.message === 'string' ? error.message : `the emulator answered HTTP ${status}`;
    const details = typeof error?.code === 'string' ? { emulatorCode: error.code } : {};
    if (status === 401) {
      return new UnauthenticatedError(`the device emulator at ${this.simUrl} refused ${this.token ? 'the control token sent' : 'a call without its control token'}`, {
        hint: 'a demo hub stores its control token as simToken in the profile at every start (`watchfloor hub start --demo`); or set WATCHFLOOR_SIM_TOKEN',
        details,
      });
    }
    if (status === 404) return new NotFoundError(message, { details });
    if (status === 409) return new ConflictError(message, { details });
    if (status === 400) return new UsageError(message, { details });
    return new HubError(message, { details });
  }

  private unreachable(e: unknown): Error {
    const code = failureCode(e);
    if (code && (CONNECTION_FAILURES.has(code) || TIMEOUT_FAILURES.has(code))) {
      return new HubUnreachableError(`cannot reach the device emulator at ${this.simUrl} (${code})`, {
        hint: 'it runs inside a demo hub: start one with `watchfloor hub start --demo`, or point at it with --sim / WATCHFLOOR_SIM',
        cause: e,
        details: { url: this.simUrl },
      });
    }
    return e instanceof Error ? e : new Error(String(e));
  }
}
