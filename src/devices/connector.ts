// How the runner reaches a device, chosen by the scheme of its managementUrl:
// http(s):// is the device's HTTP management API, ssh:// a Linux site server
// driven by allow-listed commands (ssh-device.ts). One shared undici Agent for
// the whole hub, so a sweep of thousands of devices reuses connections
// instead of opening pools per device.
import { Agent, type Dispatcher } from 'undici';
import type { DeviceConnector } from './device-client.js';
import type { DeviceTokens } from './http/device-tokens.js';
import { HttpTransport } from './http/http-transport.js';
import { sshDeviceConnector, type SshConnectorOptions } from './ssh/ssh-device.js';

export interface HttpConnectorOptions {
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  actionTimeoutMs?: number;
  /** The bearer tokens devices take, each sent only within its scope; read at every connect. */
  tokens?: DeviceTokens;
}

export function httpDeviceConnector(options: HttpConnectorOptions = {}): { connect: DeviceConnector; close(): Promise<void> } {
  const agent: Dispatcher = new Agent({
    connections: 64,
    connect: { timeout: options.connectTimeoutMs ?? 2_000 },
    keepAliveTimeout: 4_000,
  });
  return {
    connect: (asset) =>
      new HttpTransport({
        baseUrl: asset.managementUrl,
        token: options.tokens?.tokenFor(asset.managementUrl),
        dispatcher: agent,
        connectTimeoutMs: options.connectTimeoutMs ?? 2_000,
        requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
        actionTimeoutMs: options.actionTimeoutMs ?? 30_000,
      }),
    close: () => agent.close(),
  };
}

export interface DeviceConnectorOptions {
  http?: HttpConnectorOptions;
  /** For ssh:// assets; without a privateKey they get an auth_failed finding. */
  ssh?: SshConnectorOptions;
}

const SSH_URL = /^ssh:\/\//i;

/** The hub's connector: every scheme a managementUrl may have. */
export function deviceConnector(options: DeviceConnectorOptions = {}): { connect: DeviceConnector; close(): Promise<void> } {
  const http = httpDeviceConnector(options.http);
  const ssh = sshDeviceConnector(options.ssh ?? { privateKey: undefined });
  return {
    connect: (asset) => (SSH_URL.test(asset.managementUrl) ? ssh(asset) : http.connect(asset)),
    close: () => http.close(),
  };
}
