// One loopback HTTP server for the whole emulated fleet: each asset's
// management API under /<assetId>/mgmt/v1/…, and the control endpoint under
// /control/v1/…, which no asset id can shadow (no asset is called "control").
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEVICE_API_PREFIX } from '../../devices/device-api.js';
import { CONTROL_PREFIX, serveControl } from './control-routes.js';
import { checkCredentials, requireBearer, type EmulatorCredentials } from './credentials.js';
import { serveDevice } from './device-routes.js';
import { EmulatorRequestError } from './errors.js';
import { sendError } from './http-io.js';
import type { FaultMix } from './mix.js';
import type { DeviceWorld } from './world.js';

export interface EmulatorServer {
  /** http://127.0.0.1:PORT — an asset's managementUrl is this plus /<assetId>. */
  url: string;
  close(): Promise<void>;
}

export interface EmulatorListenOptions {
  credentials: EmulatorCredentials;
  host?: string;
  port?: number;
}

export async function listenEmulator(world: DeviceWorld, mix: FaultMix, options: EmulatorListenOptions): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const credentials = checkCredentials(options.credentials);
  const server = createServer((req, res) => {
    route(world, mix, credentials, req, res).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, e);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Each API's token is checked before anything else: an unknown path or asset tells nothing to a caller without it.
async function route(world: DeviceWorld, mix: FaultMix, credentials: EmulatorCredentials, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    throw new EmulatorRequestError(400, 'bad_request', 'malformed path');
  }
  if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    requireBearer(req, credentials.control, 'the control endpoint');
    return serveControl(world, mix, path.slice(CONTROL_PREFIX.length), req, res, url.searchParams);
  }
  const at = path.indexOf(`${DEVICE_API_PREFIX}/`);
  if (at <= 1) throw new EmulatorRequestError(404, 'not_found', 'paths are /<assetId>/mgmt/v1/… or /control/v1/…');
  requireBearer(req, credentials.device, 'the management API');
  return serveDevice(world, path.slice(1, at), path.slice(at + DEVICE_API_PREFIX.length), req, res, url.searchParams);
}
