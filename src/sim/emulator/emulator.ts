// Starts the device emulator for a fleet: its world and its loopback server.
import type { Asset } from '../../core/model.js';
import { faultMix } from './mix.js';
import type { EmulatorCredentials } from './credentials.js';
import { listenEmulator } from './server.js';
import { DeviceWorld, type DeviceWorldOptions } from './world.js';

export interface DeviceEmulatorOptions extends DeviceWorldOptions {
  assets: readonly Asset[];
  /** The bearer tokens of its two APIs; requests without the right one are 401. */
  credentials: EmulatorCredentials;
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningDeviceEmulator {
  /** The base URL; the control endpoint is at url + /control/v1. */
  url: string;
  /** The bearer token of the control endpoint. */
  controlToken: string;
  /** The bearer token of every device's management API. */
  deviceToken: string;
  world: DeviceWorld;
  /** An asset's management endpoint: url + / + asset id. */
  managementUrlOf(assetId: string): string;
  stop(): Promise<void>;
}

export async function startDeviceEmulator(options: DeviceEmulatorOptions): Promise<RunningDeviceEmulator> {
  const world = new DeviceWorld(options.assets, options);
  const server = await listenEmulator(world, faultMix(options.assets), { credentials: options.credentials, host: options.host, port: options.port });
  options.log?.(`device emulator: ${options.assets.length} devices on ${server.url} (control: ${server.url}/control/v1)`);
  return {
    url: server.url,
    controlToken: options.credentials.control,
    deviceToken: options.credentials.device,
    world,
    managementUrlOf: (assetId) => `${server.url}/${assetId}`,
    stop: () => server.close(),
  };
}
