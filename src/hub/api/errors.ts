// The one place a failure becomes an HTTP answer: every non-2xx body is an
// ApiErrorBody, with the status HTTP_STATUS_FOR gives its code.
import type { FastifyInstance } from 'fastify';
import {
  HTTP_STATUS_FOR,
  HubError,
  NotFoundError,
  PayloadTooLargeError,
  UnavailableError,
  UsageError,
  isWatchfloorError,
  type ApiErrorBody,
  type ErrorCode,
  type WatchfloorError,
} from '../../core/errors.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

// A 503 says "try again": the store could not write, or the intake queue is full (which names its own wait).
const RETRY_AFTER_SECONDS = 5;

const statusOf = (e: unknown): number | undefined => {
  const s = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
};

/** Known failures keep their meaning; anything else is the hub's fault. */
export function toWatchfloorError(e: unknown): WatchfloorError {
  if (isWatchfloorError(e)) return e;
  const status = statusOf(e);
  const code = (e as { code?: unknown } | null)?.code;
  if (status === 413) {
    return new PayloadTooLargeError(`request body is larger than the hub accepts (${BODY_LIMIT_BYTES / 1024 / 1024} MiB)`, {
      hint: 'send fewer items per request',
    });
  }
  // Fastify's own 4xx: malformed JSON, wrong content type, bad headers.
  if (status !== undefined && status >= 400 && status < 500) {
    return new UsageError(e instanceof Error ? e.message : 'bad request', {
      hint: typeof code === 'string' && code.startsWith('FST_ERR_CTP') ? 'send a JSON body with content-type application/json' : undefined,
    });
  }
  return new HubError('the hub failed while handling this request', {
    hint: 'this is a bug in the hub; its log has the details',
    cause: e,
  });
}

export function errorBody(e: WatchfloorError): ApiErrorBody {
  return { error: { ...e.toJSON(), code: e.code as ErrorCode } };
}

/** How a failure is answered: its status, the headers beside the body (Retry-After on a 503), and the body. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: ApiErrorBody;
}

/**
 * The answer to `e` (anything thrown while handling a request), after logging
 * what the operator must see. The error handler and the fast alert intake
 * (fast-alert-intake.ts) both answer through it, so they answer alike.
 */
export function answerToFailure(e: unknown, method: string, url: string, log: (line: string) => void): ErrorAnswer {
  const error = toWatchfloorError(e);
  // A storage failure (503) is the operator's to fix: logged with its cause like a bug.
  if ((error instanceof HubError || error instanceof UnavailableError) && error.cause !== undefined) {
    const cause = error.cause;
    log(`error: ${method} ${url}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  }
  const headers: Record<string, string> = {};
  if (error instanceof UnavailableError) {
    const asked = error.details.retryAfterSeconds;
    headers['retry-after'] = String(typeof asked === 'number' ? asked : RETRY_AFTER_SECONDS);
  }
  return { status: HTTP_STATUS_FOR[error.code as ErrorCode] ?? 500, headers, body: errorBody(error) };
}

export function installErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((e, request, reply) => {
    const answer = answerToFailure(e, request.method, request.url, log);
    void reply.headers(answer.headers).status(answer.status).send(answer.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new NotFoundError(`no such endpoint: ${request.method} ${request.url.split('?')[0]}`, {
      hint: 'is the CLI newer than the hub? compare `watchfloor --version` with GET /healthz',
    });
    void reply.status(404).send(errorBody(error));
  });
}
