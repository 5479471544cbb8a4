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

export function installErrorHandling(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((e, request, reply) => {
    const error = toWatchfloorError(e);
    // A storage failure (503) is the operator's to fix: logged with its cause like a bug.
    if ((error instanceof HubError || error instanceof UnavailableError) && error.cause !== undefined) {
      const cause = error.cause;
      log(`error: ${request.method} ${request.url}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    }
    if (error instanceof UnavailableError) {
      const asked = error.details.retryAfterSeconds;
      void reply.header('retry-after', String(typeof asked === 'number' ? asked : RETRY_AFTER_SECONDS));
    }
    void reply.status(HTTP_STATUS_FOR[error.code as ErrorCode] ?? 500).send(errorBody(error));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new NotFoundError(`no such endpoint: ${request.method} ${request.url.split('?')[0]}`, {
      hint: 'is the CLI newer than the hub? compare `watchfloor --version` with GET /healthz',
    });
    void reply.status(404).send(errorBody(error));
  });
}
