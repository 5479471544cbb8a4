// A request the emulator refuses, with the HTTP status and error code it answers with.
export class EmulatorRequestError extends Error {
  override readonly name = 'EmulatorRequestError';

  constructor(
    readonly status: 400 | 401 | 404 | 405 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
