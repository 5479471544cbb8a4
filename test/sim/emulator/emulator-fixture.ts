// A real device emulator for the whole demo fleet on 127.0.0.1:0, and small
// helpers to talk to its control endpoint over real HTTP, with its tokens.
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

/** The emulator's tokens in these tests (the demo world draws fresh ones at every start). */
export const CREDENTIALS = { control: 'wfsim_control-token-of-the-tests', device: 'wfdev_device-token-of-the-tests' } as const;
/** The header the hub's diagnostics send every device. */
export const AS_DEVICE_CLIENT = { authorization: `Bearer ${CREDENTIALS.device}` } as const;

export function startEmulator(options: { effortMs?: () => number } = {}): Promise<RunningDeviceEmulator> {
  // Actions take a few ms here unless a test wants the real effort.
  return startDeviceEmulator({ assets: fleet.assets, credentials: CREDENTIALS, effortMs: options.effortMs ?? (() => 2) });
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
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
  return { status: res.statusCode, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

/** A call to the control endpoint (`path` after /control/v1) with the control token. */
export function control<T = unknown>(baseUrl: string, path: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown, token: string = CREDENTIALS.control): Promise<Answer<T>> {
  return call<T>(`${baseUrl}/control/v1${path}`, method, body, { authorization: `Bearer ${token}` });
}

export async function groundTruth(emulator: RunningDeviceEmulator): Promise<GroundTruthFault[]> {
  const answer = await control<{ faults: GroundTruthFault[] }>(emulator.url, '/faults');
  if (answer.status !== 200) throw new Error(`faults: HTTP ${answer.status}`);
  return answer.body.faults;
}

export async function inject(emulator: RunningDeviceEmulator, assetId: string, fault: string): Promise<GroundTruthFault> {
  const answer = await control<{ fault: GroundTruthFault }>(emulator.url, '/faults', 'POST', { assetId, fault });
  if (answer.status !== 201) throw new Error(`inject ${fault} on ${assetId}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.fault;
}

export async function repair(emulator: RunningDeviceEmulator, assetId: string): Promise<Answer<{ fault: GroundTruthFault | null }>> {
  return control(emulator.url, `/faults/${assetId}`, 'DELETE');
}

export function transportFor(emulator: RunningDeviceEmulator, assetId: string): HttpTransport {
  return new HttpTransport({ baseUrl: emulator.managementUrlOf(assetId), token: CREDENTIALS.device, requestTimeoutMs: 5_000, actionTimeoutMs: 10_000 });
}
