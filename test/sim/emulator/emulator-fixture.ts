// A real device emulator for the whole demo fleet on 127.0.0.1:0, and small
// helpers to talk to its control endpoint over real HTTP.
import { request } from 'undici';
import type { Asset, AssetKind } from '../../../src/core/model.js';
import { HttpTransport } from '../../../src/devices/http/http-transport.js';
import { startDeviceEmulator, type RunningDeviceEmulator } from '../../../src/sim/emulator/emulator.js';
import type { GroundTruthFault } from '../../../src/sim/emulator/world.js';
import { buildDemoFleet } from '../../../src/sim/fleet.js';

export const fleet = buildDemoFleet();

export function assetsOf(kind: AssetKind): Asset[] {
  return fleet.assets.filter((a) => a.kind === kind);
}

export function startEmulator(options: { effortMs?: () => number } = {}): Promise<RunningDeviceEmulator> {
  // Actions take a few ms here unless a test wants the real effort.
  return startDeviceEmulator({ assets: fleet.assets, effortMs: options.effortMs ?? (() => 2) });
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export async function call<T = unknown>(url: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await request(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function groundTruth(emulator: RunningDeviceEmulator): Promise<GroundTruthFault[]> {
  const answer = await call<{ faults: GroundTruthFault[] }>(`${emulator.url}/control/v1/faults`);
  if (answer.status !== 200) throw new Error(`faults: HTTP ${answer.status}`);
  return answer.body.faults;
}

export async function inject(emulator: RunningDeviceEmulator, assetId: string, fault: string): Promise<GroundTruthFault> {
  const answer = await call<{ fault: GroundTruthFault }>(`${emulator.url}/control/v1/faults`, 'POST', { assetId, fault });
  if (answer.status !== 201) throw new Error(`inject ${fault} on ${assetId}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.fault;
}

export async function repair(emulator: RunningDeviceEmulator, assetId: string): Promise<Answer<{ fault: GroundTruthFault | null }>> {
  return call(`${emulator.url}/control/v1/faults/${assetId}`, 'DELETE');
}

export function transportFor(emulator: RunningDeviceEmulator, assetId: string): HttpTransport {
  return new HttpTransport({ baseUrl: emulator.managementUrlOf(assetId), requestTimeoutMs: 5_000, actionTimeoutMs: 10_000 });
}
