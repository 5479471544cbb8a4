// The emulator takes a credential, demo or not: a control token for the
// drills' endpoint (ground truth, fault injection, repairs) and a device token
// for every device's management API, apart so the hub, which holds the device
// token, can neither inject faults nor read the ground truth. The demo world
// draws both at every start.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { EmulatorRequestError } from './errors.js';

export interface EmulatorCredentials {
  /** Bearer token of /control/v1 (the `sim` drill commands). */
  control: string;
  /** Bearer token of every device's /mgmt/v1 (the hub's diagnostics). */
  device: string;
}

/** Fresh tokens, prefixed so a leaked one says what it opens (and redact() knows them). */
export function newEmulatorCredentials(): EmulatorCredentials {
  return { control: `wfsim_${randomBytes(32).toString('base64url')}`, device: `wfdev_${randomBytes(32).toString('base64url')}` };
}

export function checkCredentials(credentials: EmulatorCredentials | undefined): EmulatorCredentials {
  if (!credentials?.control || !credentials.device) throw new Error('the device emulator needs a control token and a device token');
  if (credentials.control === credentials.device) throw new Error('the emulator control and device tokens must differ');
  return credentials;
}

// Compared as digests: equal lengths, and the time taken says nothing of how much of a guess was right.
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Throws 401 unless the request carries `Authorization: Bearer <expected>`. */
export function requireBearer(req: IncomingMessage, expected: string, what: string): void {
  const presented = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '')?.[1];
  if (presented !== undefined && timingSafeEqual(digest(presented), digest(expected))) return;
  throw new EmulatorRequestError(401, 'unauthenticated', `${what} needs its token (Authorization: Bearer …)`);
}
