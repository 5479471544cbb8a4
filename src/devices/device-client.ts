// What the hub's diagnostics need of a device, however it is reached: its
// health, its metrics and a named action. Each transport (the HTTP management
// API, a Linux server over SSH) implements it; the connector picks one by the
// scheme of the asset's managementUrl.
import type { Asset } from '../core/model.js';
import type { DeviceActionOutcome, DeviceHealth, DeviceMetrics } from './device-api.js';
import type { TimedResult } from './timed.js';

export interface ActionRequest {
  /** The same key for a retry of the same intent: the device acts at most once per key. */
  idempotencyKey: string;
  params?: Readonly<Record<string, string | number | boolean>>;
}

export interface DeviceClient {
  health(): Promise<TimedResult<DeviceHealth>>;
  metrics(): Promise<TimedResult<DeviceMetrics>>;
  action(name: string, request: ActionRequest): Promise<TimedResult<DeviceActionOutcome>>;
}

/** An asset that has a management endpoint. */
export type ManagedAsset = Asset & { managementUrl: string };

export type DeviceConnector = (asset: ManagedAsset) => DeviceClient;
