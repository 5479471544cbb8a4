// One error class per kind of failure, each with a stable code and the exit
// code the CLI ends with. Callers match `code` (or `instanceof`), never the
// message text. The single top-level handler in src/commands/run.ts prints
// `message` and `hint`; a stack only appears with --debug.

export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  unreachable: 3,
  notFound: 4,
  conflict: 5,
  forbidden: 6,
  /** A playbook run was followed until it waits for a person (an approval, a checklist, a pause). */
  waiting: 7,
  /** The person pressed Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface ErrorOptions {
  hint?: string;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export abstract class WatchfloorError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown>;

  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options.hint;
    this.details = options.details ?? {};
  }

  toJSON(): { code: string; message: string; hint?: string; details?: Record<string, unknown> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(Object.keys(this.details).length ? { details: this.details } : {}),
    };
  }
}

/** The user asked for something malformed: bad option, missing argument, invalid body. */
export class UsageError extends WatchfloorError {
  override readonly name = 'UsageError';
  readonly code = 'usage';
  readonly exitCode = EXIT.usage;
}

/** The hub could not be reached at all (refused, DNS, timeout). */
export class HubUnreachableError extends WatchfloorError {
  override readonly name = 'HubUnreachableError';
  readonly code = 'hub_unreachable';
  readonly exitCode = EXIT.unreachable;
}

export class NotFoundError extends WatchfloorError {
  override readonly name = 'NotFoundError';
  readonly code = 'not_found';
  readonly exitCode = EXIT.notFound;
}

/** A compare-and-set lost: someone else changed the thing first. */
export class ConflictError extends WatchfloorError {
  override readonly name = 'ConflictError';
  readonly code = 'conflict';
  readonly exitCode = EXIT.conflict;
}

/** Authenticated, but the role does not allow the action. */
export class ForbiddenError extends WatchfloorError {
  override readonly name = 'ForbiddenError';
  readonly code = 'forbidden';
  readonly exitCode = EXIT.forbidden;
}

/** No token, or a token the hub does not know (revoked, mistyped). */
export class UnauthenticatedError extends WatchfloorError {
  override readonly name = 'UnauthenticatedError';
  readonly code = 'unauthenticated';
  readonly exitCode = EXIT.forbidden;
}

/** The request body was too large for the hub. */
export class PayloadTooLargeError extends WatchfloorError {
  override readonly name = 'PayloadTooLargeError';
  readonly code = 'payload_too_large';
  readonly exitCode = EXIT.usage;
}

/**
 * The hub cannot do it now but may soon: its storage refuses writes (disk
 * full, read-only, failing) or stayed locked past its timeout. Nothing was
 * stored; trying again later is right, so HTTP says 503 and the CLI exits as
 * for an unreachable hub.
 */
export class UnavailableError extends WatchfloorError {
  override readonly name = 'UnavailableError';
  readonly code = 'unavailable';
  readonly exitCode = EXIT.unreachable;
}

/** The hub answered, but with a failure that is not the caller's fault. */
export class HubError extends WatchfloorError {
  override readonly name = 'HubError';
  readonly code = 'hub_error';
  readonly exitCode = EXIT.failure;
}

/** A check ran and found a problem (e.g. audit verify found a broken chain). */
export class CheckFailedError extends WatchfloorError {
  override readonly name = 'CheckFailedError';
  readonly code = 'check_failed';
  readonly exitCode = EXIT.failure;
}

/** A playbook run that was followed ended failed or aborted. */
export class RunFailedError extends WatchfloorError {
  override readonly name = 'RunFailedError';
  readonly code = 'run_failed';
  readonly exitCode = EXIT.failure;
}

/** A playbook run that was followed now waits for a person: approvals, a checklist, or a pause. */
export class RunWaitingError extends WatchfloorError {
  override readonly name = 'RunWaitingError';
  readonly code = 'run_waiting';
  readonly exitCode = EXIT.waiting;
}

/** The person stopped a prompt with Ctrl-C: exit 130 quietly, as a shell would. */
export class InterruptedError extends WatchfloorError {
  override readonly name = 'InterruptedError';
  readonly code = 'interrupted';
  readonly exitCode = EXIT.interrupted;
}

/** Local configuration is missing or unreadable. */
export class ConfigError extends WatchfloorError {
  override readonly name = 'ConfigError';
  readonly code = 'config';
  readonly exitCode = EXIT.failure;
}

export const ERROR_CLASSES = {
  usage: UsageError,
  hub_unreachable: HubUnreachableError,
  not_found: NotFoundError,
  conflict: ConflictError,
  forbidden: ForbiddenError,
  unauthenticated: UnauthenticatedError,
  payload_too_large: PayloadTooLargeError,
  unavailable: UnavailableError,
  hub_error: HubError,
  check_failed: CheckFailedError,
  config: ConfigError,
  run_failed: RunFailedError,
  run_waiting: RunWaitingError,
  interrupted: InterruptedError,
} as const;
export type ErrorCode = keyof typeof ERROR_CLASSES;

/**
 * The body of every non-2xx answer from the hub:
 * `{ "error": { "code": "conflict", "message": "…", "hint": "…", "details": {…} } }`.
 * HTTP status: usage 400, unauthenticated 401, forbidden 403, not_found 404,
 * conflict 409, payload_too_large 413, hub_error 500, unavailable 503.
 */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; hint?: string; details?: Record<string, unknown> };
}

export const HTTP_STATUS_FOR: Record<ErrorCode, number> = {
  usage: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unavailable: 503,
  hub_unreachable: 502,
  hub_error: 500,
  check_failed: 500,
  config: 500,
  // The CLI's own verdicts on a run it followed; the hub never answers with them.
  run_failed: 500,
  run_waiting: 409,
  // A person's Ctrl-C at the CLI; the hub never answers with it.
  interrupted: 400,
};

/** Rebuild a typed error from a hub error body (client side). */
export function errorFromApi(status: number, body: unknown): WatchfloorError {
  const err = (body as Partial<ApiErrorBody> | null)?.error;
  const code = err && typeof err.code === 'string' && err.code in ERROR_CLASSES ? err.code : undefined;
  const Cls = code ? ERROR_CLASSES[code] : status === 404 ? NotFoundError : HubError;
  const message = err?.message ?? `hub answered HTTP ${status}`;
  return new Cls(message, { hint: err?.hint, details: err?.details });
}

export function isWatchfloorError(e: unknown): e is WatchfloorError {
  return e instanceof WatchfloorError;
}
