// What every device transport (SSH, HTTP management API) reports back: the
// same failure classes with stable codes, so the diagnostics runner turns a
// failure into a finding by matching `code`, whichever way the device is
// reached. A device that answers with a failure (non-zero exit, "degraded") is
// a result, not an error; errors mean the transport could not do its job.
import { EXIT, WatchfloorError, type ErrorOptions } from '../core/errors.js';

export type TransportKind = 'ssh' | 'http';

/** Where a transport error happened: which transport, and which device endpoint. */
export interface TransportErrorContext extends ErrorOptions {
  transport: TransportKind;
  /** host:port for SSH, the origin for HTTP. */
  target: string;
}

export abstract class TransportError extends WatchfloorError {
  readonly transport: TransportKind;
  readonly target: string;

  constructor(message: string, context: TransportErrorContext) {
    const { transport, target, details, ...options } = context;
    super(message, { ...options, details: { transport, target, ...details } });
    this.transport = transport;
    this.target = target;
  }
}

/** Nothing answered: refused, no route, DNS, or no handshake within the connect timeout. */
export class UnreachableError extends TransportError {
  override readonly name = 'UnreachableError';
  readonly code = 'unreachable';
  readonly exitCode = EXIT.unreachable;
}

/** The device was reached but did not finish the command or request in time. */
export class TransportTimeoutError extends TransportError {
  override readonly name = 'TransportTimeoutError';
  readonly code = 'timeout';
  readonly exitCode = EXIT.unreachable;
}

/** The SSH server presented a host key other than the pinned one; nothing was run. */
export class HostKeyMismatchError extends TransportError {
  override readonly name = 'HostKeyMismatchError';
  readonly code = 'host_key_mismatch';
  readonly exitCode = EXIT.failure;
}

/** The device refused our credentials. */
export class AuthFailedError extends TransportError {
  override readonly name = 'AuthFailedError';
  readonly code = 'auth_failed';
  readonly exitCode = EXIT.forbidden;
}

/** The command or action is not on the allow-list; refused before anything was sent. */
export class CommandNotAllowedError extends TransportError {
  override readonly name = 'CommandNotAllowedError';
  readonly code = 'command_not_allowed';
  readonly exitCode = EXIT.usage;
}

/** A parameter failed validation (type, pattern, range, NUL or newline); nothing was sent. */
export class BadArgumentError extends TransportError {
  override readonly name = 'BadArgumentError';
  readonly code = 'bad_argument';
  readonly exitCode = EXIT.usage;
}

/** The device answered, but not as its API promises (error status, body that is not the contract). */
export class DeviceError extends TransportError {
  override readonly name = 'DeviceError';
  readonly code = 'device_error';
  readonly exitCode = EXIT.failure;
}

export const TRANSPORT_ERROR_CLASSES = {
  unreachable: UnreachableError,
  timeout: TransportTimeoutError,
  host_key_mismatch: HostKeyMismatchError,
  auth_failed: AuthFailedError,
  command_not_allowed: CommandNotAllowedError,
  bad_argument: BadArgumentError,
  device_error: DeviceError,
} as const;
export type TransportErrorCode = keyof typeof TRANSPORT_ERROR_CLASSES;

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError;
}
