// Device tokens are scoped: the hub's connector sends a token to the devices
// under the URL it was given for, and to no other device — the narrowest
// scope wins, and a scope added while the hub runs applies from the next connect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManagedAsset } from '../../src/devices/device-client.js';
import { deviceConnector } from '../../src/devices/connector.js';
import { DeviceTokens } from '../../src/devices/http/device-tokens.js';
import { startTestDevice, type TestDevice } from './device-server.js';

describe('DeviceTokens', () => {
  it('finds the narrowest scope holding a management URL, on path-segment boundaries', () => {
    const tokens = new DeviceTokens();
    tokens.add('http://10.0.0.1:8080', 'site-gateway');
    tokens.add('http://10.0.0.1:8080/RUH/', 'ruh');
    tokens.add('http://10.0.0.1:8080/RUH/egate-07', 'one-gate');
    expect(tokens.tokenFor('http://10.0.0.1:8080/RUH/egate-07')).toBe('one-gate');
    expect(tokens.tokenFor('http://10.0.0.1:8080/RUH/egate-07/')).toBe('one-gate');
    expect(tokens.tokenFor('http://10.0.0.1:8080/RUH/egate-070')).toBe('ruh');
    expect(tokens.tokenFor('http://10.0.0.1:8080/RUHX/egate-01')).toBe('site-gateway');
    expect(tokens.tokenFor('http://10.0.0.1:8080/JED/egate-01')).toBe('site-gateway');
  });

  it('never matches another origin: host, port or scheme', () => {
    const tokens = new DeviceTokens();
    tokens.add('http://127.0.0.1:4000', 'emulator');
    for (const url of ['http://127.0.0.1:40001/RUH/egate-07', 'https://127.0.0.1:4000/RUH/egate-07', 'http://localhost:4000/x', 'http://127.0.0.1:4000.evil.example/x', 'ssh://ops@127.0.0.1:4000/']) {
      expect(tokens.tokenFor(url), url).toBeUndefined();
    }
    expect(tokens.tokenFor('not a url')).toBeUndefined();
  });

  it('a scope added again takes the new token; a bad scope or empty token is refused', () => {
    const tokens = new DeviceTokens();
    tokens.add('http://127.0.0.1:4000/', 'first');
    tokens.add('http://127.0.0.1:4000', 'second');
    expect(tokens.tokenFor('http://127.0.0.1:4000/a/b')).toBe('second');
    expect(() => tokens.add('ssh://h', 'x')).toThrow(/http/);
    expect(() => tokens.add('http://h', '')).toThrow(/empty/);
  });
});

describe("the hub's device connector with tokens", () => {
  let guarded: TestDevice;
  let open: TestDevice;
  beforeAll(async () => {
    guarded = await startTestDevice({ token: 'gate-token' });
    open = await startTestDevice();
  });
  afterAll(async () => {
    await guarded?.stop();
    await open?.stop();
  });

  const asset = (managementUrl: string): ManagedAsset => ({ id: 'RUH/egate-07', siteId: 'RUH', kind: 'egate', name: 'gate', health: 'ok', managementUrl });

  it('sends a token only within its scope, and one added later from the next connect', async () => {
    const tokens = new DeviceTokens();
    const devices = deviceConnector({ http: { tokens } });
    try {
      await expect(devices.connect(asset(guarded.url)).health()).rejects.toMatchObject({ code: 'auth_failed' });
      tokens.add(guarded.origin, 'gate-token');
      expect((await devices.connect(asset(guarded.url)).health()).status).toBe('degraded');
      expect(guarded.seen.at(-1)?.headers.authorization).toBe('Bearer gate-token');
      await devices.connect(asset(open.url)).health();
      expect(open.seen.at(-1)?.headers.authorization).toBeUndefined();
    } finally {
      await devices.close();
    }
  });
});
