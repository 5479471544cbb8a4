// The emulator takes a credential, demo or not: its control endpoint (drills,
// ground truth) takes the control token, every device's management API the
// device token, each `Authorization: Bearer …`; anything else is 401 before
// the request is read. One token never opens the other's routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEmulatorCredentials } from '../../../src/sim/emulator/credentials.js';
import { startDeviceEmulator, type RunningDeviceEmulator } from '../../../src/sim/emulator/emulator.js';
import { call, CREDENTIALS, fleet, startEmulator } from './emulator-fixture.js';

let emulator: RunningDeviceEmulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

const GATE = 'RUH/egate-01';
type Route = [method: 'GET' | 'POST' | 'DELETE', path: string, body: unknown, headers: Record<string, string>];
const ACTION_KEY = { 'idempotency-key': 'auth-test-1' };

const CONTROL: Route[] = [
  ['GET', '/control/v1/faults', undefined, {}],
  ['GET', '/control/v1/faults?site=RUH', undefined, {}],
  ['POST', '/control/v1/faults', { assetId: GATE, fault: 'hung-service' }, {}],
  ['DELETE', `/control/v1/faults/${GATE}`, undefined, {}],
  ['GET', '/control/v1/fault-kinds', undefined, {}],
];
const DEVICE: Route[] = [
  ['GET', `/${GATE}/mgmt/v1/health`, undefined, {}],
  ['GET', `/${GATE}/mgmt/v1/metrics`, undefined, {}],
  ['GET', `/${GATE}/mgmt/v1/logs?lines=5`, undefined, {}],
  ['POST', `/${GATE}/mgmt/v1/actions/restart-service`, { params: {} }, ACTION_KEY],
  // An asset that does not exist is no different: nothing is told before the credential.
  ['GET', '/NOWHERE/egate-99/mgmt/v1/health', undefined, {}],
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each([
  ['the control endpoint', CONTROL, CREDENTIALS.control, CREDENTIALS.device],
  ["every device's management API", DEVICE, CREDENTIALS.device, CREDENTIALS.control],
])('%s', (_name, routes, right, other) => {
  const refusals: [string, Record<string, string>][] = [
    ['no credential', {}],
    ['a wrong one', bearer('wf_not-the-token-at-all')],
    ['the other API token', bearer(other)],
    ['the right token, not as a bearer', { authorization: `Basic ${Buffer.from(`x:${right}`).toString('base64')}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ];
  for (const [method, path, body, headers] of routes) {
    it.each(refusals)(`${method} ${path}: 401 with %s`, async (_what, auth) => {
      const answer = await call<{ error: { code: string; message: string } }>(`${emulator.url}${path}`, method, body, { ...headers, ...auth });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('unauthenticated');
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer /);
    });
  }

  it('answers with the right token', async () => {
    for (const [method, path, body, headers] of routes) {
      const answer = await call(`${emulator.url}${path}`, method, body, { ...headers, ...bearer(right) });
      expect([200, 201, 404], `${method} ${path}`).toContain(answer.status);
      if (!path.startsWith('/NOWHERE')) expect(answer.status, `${method} ${path}`).not.toBe(404);
    }
  });
});

describe('refused requests change nothing', () => {
  it('an unauthenticated inject leaves the ground truth as it was', async () => {
    const before = await call<{ faults: unknown[] }>(`${emulator.url}/control/v1/faults`, 'GET', undefined, bearer(CREDENTIALS.control));
    await call(`${emulator.url}/control/v1/faults`, 'POST', { assetId: 'JED/egate-01', fault: 'hung-service' }, bearer('nope'));
    const after = await call<{ faults: unknown[] }>(`${emulator.url}/control/v1/faults`, 'GET', undefined, bearer(CREDENTIALS.control));
    expect(after.body.faults).toEqual(before.body.faults);
  });
});

describe('starting without credentials', () => {
  it('is refused: no tokens, an empty one, or the same token for both APIs', async () => {
    const assets = fleet.assets.slice(0, 3);
    for (const credentials of [undefined, { control: '', device: 'd' }, { control: 'same', device: 'same' }]) {
      await expect(startDeviceEmulator({ assets, credentials: credentials as never })).rejects.toThrow(/token/);
    }
  });

  it('the demo world draws fresh, different tokens at every start', () => {
    const [a, b] = [newEmulatorCredentials(), newEmulatorCredentials()];
    expect(a.control).toMatch(/^wfsim_[\w-]{43}$/);
    expect(a.device).toMatch(/^wfdev_[\w-]{43}$/);
    expect(new Set([a.control, a.device, b.control, b.device]).size).toBe(4);
  });
});
