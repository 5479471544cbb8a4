// HTTP transport to a device's management API (see README.md here for the
// contract). Every failure to get a contract answer becomes a typed transport
// error, so the runner can turn "cannot reach it" into a finding, never a crash.
import requestApi from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { CONNECTION_FAILURES, TIMEOUT_FAILURES, failureCode } from '../../core/json-http.js';
import { ServiceLink } from '../../core/service-link.js';
import {
  DEVICE_ACTIONS,
  DEVICE_API_PREFIX,
  DeviceActionOutcome,
  DeviceErrorBody,
  DeviceHealth,
  DeviceLogs,
  DeviceMetrics,
  IDEMPOTENCY_KEY,
  LOG_LINES_MAX,
  isDeviceAction,
} from '../device-api.js';
import { AuthFailedError, BadArgumentError, CommandNotAllowedError, DeviceError, TransportTimeoutError, UnreachableError } from '../errors.js';
import { elapsedMs, type TimedResult } from '../timed.js';
import type { ActionRequest, DeviceClient } from '../device-client.js';

export interface HttpTransportOptions {
  /** The asset's managementUrl: an origin, optionally with a path prefix (http://10.1.2.3:8080/gate-07). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string;
  /**
   * Share one dispatcher (an undici Agent) across many devices in a fleet
   * sweep; by default each transport keeps its own keep-alive Pool.
   */
  dispatcher?: Dispatcher;
  /** Default 2 s. A connect that does not complete is `unreachable`. */
  connectTimeoutMs?: number;
  /** Reads (health, metrics, logs). Default 5 s, then `timeout`. */
  requestTimeoutMs?: number;
  /** Actions may take longer (a reboot answers when it is back). Default 30 s. */
  actionTimeoutMs?: number;
  /** Larger answers are refused as device_error. Default 1 MiB. */
  maxResponseBytes?: number;
}


interface Call<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  schema: S;
  timeoutMs: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** For error details: which operation this was. */
  operation: string;
}

export class HttpTransport implements DeviceClient {
  /** The management URL as messages show it (any password masked). */
  readonly baseUrl: string;
  private readonly link: ServiceLink;
  private readonly token: string | undefined;
  private readonly requestTimeoutMs: number;
  private readonly actionTimeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: HttpTransportOptions) {
    this.link = new ServiceLink(options.baseUrl, {
      invalid: (reason, shown) => new BadArgumentError(`bad management URL ${shown}: ${reason}`, { transport: 'http', target: shown }),
      dispatcher: options.dispatcher,
      // Each request sets its own timeout (reads and actions differ).
      pool: { connections: 4, connectTimeoutMs: options.connectTimeoutMs ?? 2_000, keepAliveMs: 4_000 },
    });
    this.baseUrl = this.link.url;
    this.token = options.token;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
    this.actionTimeoutMs = options.actionTimeoutMs ?? 30_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  }

  /** The device's own view of its health and checks. */
  health(): Promise<TimedResult<DeviceHealth>> {
    return this.call({ method: 'GET', path: '/health', schema: DeviceHealth, timeoutMs: this.requestTimeoutMs, operation: 'health' });
  }

  metrics(): Promise<TimedResult<DeviceMetrics>> {
    return this.call({ method: 'GET', path: '/metrics', schema: DeviceMetrics, timeoutMs: this.requestTimeoutMs, operation: 'metrics' });
  }

  /** The most recent log lines, oldest first. */
  async logs({ lines }: { lines: number }): Promise<TimedResult<DeviceLogs>> {
    if (!Number.isSafeInteger(lines) || lines < 1 || lines > LOG_LINES_MAX) {
      throw new BadArgumentError(`logs: lines must be a whole number from 1 to ${LOG_LINES_MAX}`, {
        ...this.where(),
        details: { param: 'lines' },
      });
    }
    return this.call({
      method: 'GET',
      path: `/logs?lines=${lines}`,
      schema: DeviceLogs,
      timeoutMs: this.requestTimeoutMs,
      operation: 'logs',
    });
  }

  /**
   * Ask the device to carry out a named action. A retry after `unreachable` or
   * `timeout` must reuse the idempotency key: the first attempt may have acted.
   */
  async action(name: string, request: ActionRequest): Promise<TimedResult<DeviceActionOutcome>> {
    if (!isDeviceAction(name)) {
      throw new CommandNotAllowedError(`"${name}" is not a device action`, {
        ...this.where(),
        hint: `actions: ${DEVICE_ACTIONS.join(', ')}`,
        details: { action: name },
      });
    }
    if (!IDEMPOTENCY_KEY.test(request.idempotencyKey)) {
      throw new BadArgumentError(`${name}: the idempotency key must be 1-200 visible ASCII characters`, {
        ...this.where(),
        details: { action: name, param: 'idempotencyKey' },
      });
    }
    return this.call({
      method: 'POST',
      path: `/actions/${name}`,
      schema: DeviceActionOutcome,
      timeoutMs: this.actionTimeoutMs,
      headers: { 'idempotency-key': request.idempotencyKey },
      body: { params: request.params ?? {} },
      operation: name,
    });
  }

  /** Close the keep-alive connections (only when this transport made its own pool). */
  async close(): Promise<void> {
    await this.link.close();
  }

  private where() {
    return { transport: 'http', target: this.baseUrl } as const;
  }

  private async call<S extends z.ZodType>(call: Call<S>): Promise<TimedResult<z.infer<S>>> {
    const startedAt = performance.now();
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (call.body !== undefined) {
      payload = JSON.stringify(call.body);
      headers['content-type'] = 'application/json';
    }
    let status: number;
    let text: string;
    try {
      const res = await requestApi.call(this.link.dispatcher, {
        origin: this.link.origin,
        path: this.link.basePath + DEVICE_API_PREFIX + call.path,
        method: call.method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(call.timeoutMs),
      });
      status = res.statusCode;
      text = await this.readBounded(res.body, call.operation);
    } catch (e) {
      throw this.translate(e, call);
    }
    const parsed = parseJson(text);
    if (status >= 400) throw this.refusal(status, parsed, call.operation);
    const answer = call.schema.safeParse(parsed);
    if (!answer.success) {
      throw new DeviceError(`${this.baseUrl} answered ${call.operation} with a body that is not the management API's`, {
        ...this.where(),
        details: { operation: call.operation, status, issues: answer.error.issues.slice(0, 5).map((i) => i.message) },
      });
    }
    return { ...(answer.data as object), durationMs: elapsedMs(startedAt) } as TimedResult<z.infer<S>>;
  }

  private async readBounded(body: Dispatcher.ResponseData['body'], operation: string): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > this.maxResponseBytes) {
        body.destroy();
        throw new DeviceError(`${this.baseUrl} answered ${operation} with more than ${this.maxResponseBytes} bytes`, {
          ...this.where(),
          details: { operation },
        });
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private refusal(status: number, parsed: unknown, operation: string): Error {
    const body = DeviceErrorBody.safeParse(parsed);
    const deviceCode = body.success ? body.data.error.code : undefined;
    const said = body.success ? `: ${body.data.error.message}` : '';
    const details = { operation, status, ...(deviceCode ? { deviceCode } : {}) };
    if (status === 401 || status === 403) {
      return new AuthFailedError(`${this.baseUrl} refused our credentials for ${operation} (HTTP ${status})${said}`, {
        ...this.where(),
        details,
      });
    }
    return new DeviceError(`${this.baseUrl} answered ${operation} with HTTP ${status}${said}`, { ...this.where(), details });
  }

  private translate(e: unknown, call: Call<z.ZodType>): unknown {
    if (e instanceof DeviceError) return e;
    const code = failureCode(e);
    const details = { operation: call.operation, ...(code ? { reason: code } : {}) };
    if (code && CONNECTION_FAILURES.has(code)) {
      return new UnreachableError(`cannot reach the management endpoint ${this.baseUrl} (${code})`, {
        ...this.where(),
        cause: e,
        details,
      });
    }
    if (code && TIMEOUT_FAILURES.has(code)) {
      return new TransportTimeoutError(`${this.baseUrl} did not answer ${call.operation} within ${call.timeoutMs / 1000}s`, {
        ...this.where(),
        cause: e,
        details: { ...details, timeoutMs: call.timeoutMs },
      });
    }
    return e;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
