// The HTTP management-API transport against a real node:http device on loopback.
import { createServer } from 'node:net';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../src/devices/http/http-transport.js';
import { AuthFailedError, BadArgumentError, CommandNotAllowedError, DeviceError, TransportTimeoutError, UnreachableError } from '../../src/devices/errors.js';
import { DEVICE_PREFIX, startTestDevice, type TestDevice } from './device-server.js';

let device: TestDevice;
let transport: HttpTransport;

beforeAll(async () => {
  device = await startTestDevice();
  transport = new HttpTransport({ baseUrl: device.url, requestTimeoutMs: 2_000, actionTimeoutMs: 2_000 });
});

afterEach(() => device.misbehave('none'));

afterAll(async () => {
  await transport?.close();
  await device?.stop();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('HTTP transport against a real device API', () => {
  it('reads health under the asset path prefix, dropping fields the contract does not know', async () => {
    const health = await transport.health();
    expect(health).toMatchObject({
      status: 'degraded',
      firmware: '4.2.1',
      checks: [
        { name: 'service', status: 'pass' },
        { name: 'card-reader', status: 'fail', detail: 'jam sensor tripped' },
      ],
    });
    expect(health).not.toHaveProperty('vendorExtra');
    expect(health.durationMs).toBeGreaterThanOrEqual(0);
    const request = device.seen.at(-1);
    expect(request).toMatchObject({ method: 'GET', url: `${DEVICE_PREFIX}/mgmt/v1/health` });
    expect(request?.headers.accept).toBe('application/json');
  });

  it('reads metrics', async () => {
    const metrics = await transport.metrics();
    expect(metrics.metrics).toEqual({ cpuPct: 12.5, transactionsPerMinute: 4 });
  });

  it('reads the requested number of log lines', async () => {
    const logs = await transport.logs({ lines: 3 });
    expect(logs.lines.map((l) => l.message)).toEqual(['jam 0', 'jam 1', 'jam 2']);
    expect(device.seen.at(-1)?.url).toBe(`${DEVICE_PREFIX}/mgmt/v1/logs?lines=3`);
  });

  it('refuses a bad line count without asking the device', async () => {
    const before = device.seen.length;
    for (const lines of [0, 1001, 2.5, Number.NaN]) {
      await expect(transport.logs({ lines })).rejects.toBeInstanceOf(BadArgumentError);
    }
    expect(device.seen.length).toBe(before);
  });

  it('posts an action with its Idempotency-Key and params, and a retry with the same key does not act twice', async () => {
    const first = await transport.action('clear-jam', { idempotencyKey: 'inc-42/clear-jam/1', params: { reader: 'left' } });
    expect(first).toMatchObject({ action: 'clear-jam', status: 'done', replayed: false });
    const request = device.seen.at(-1);
    expect(request).toMatchObject({ method: 'POST', url: `${DEVICE_PREFIX}/mgmt/v1/actions/clear-jam` });
    expect(request?.headers['idempotency-key']).toBe('inc-42/clear-jam/1');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({ params: { reader: 'left' } });

    const retry = await transport.action('clear-jam', { idempotencyKey: 'inc-42/clear-jam/1' });
    expect(retry).toMatchObject({ status: 'done', replayed: true });
    expect(device.performed.get('clear-jam')).toBe(1);

    await transport.action('clear-jam', { idempotencyKey: 'inc-42/clear-jam/2' });
    expect(device.performed.get('clear-jam')).toBe(2);
  });

  it('refuses an unknown action or a bad key without asking the device', async () => {
    const before = device.seen.length;
    await expect(transport.action('format-disk', { idempotencyKey: 'k1' })).rejects.toBeInstanceOf(CommandNotAllowedError);
    await expect(transport.action('reboot', { idempotencyKey: '' })).rejects.toBeInstanceOf(BadArgumentError);
    await expect(transport.action('reboot', { idempotencyKey: 'has space' })).rejects.toBeInstanceOf(BadArgumentError);
    expect(device.seen.length).toBe(before);
  });

  it('sends the bearer token and reports a refused one as auth_failed', async () => {
    const guarded = await startTestDevice({ token: 's3cret' });
    const good = new HttpTransport({ baseUrl: guarded.url, token: 's3cret' });
    const bad = new HttpTransport({ baseUrl: guarded.url, token: 'wrong' });
    try {
      expect((await good.health()).status).toBe('degraded');
      expect(guarded.seen.at(-1)?.headers.authorization).toBe('Bearer s3cret');
      const error = await bad.health().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthFailedError);
      expect(error).toMatchObject({ code: 'auth_failed', details: { status: 401, deviceCode: 'unauthenticated' } });
    } finally {
      await Promise.all([good.close(), bad.close()]);
      await guarded.stop();
    }
  });

  it('reports a device failure status as device_error with the device own code', async () => {
    device.misbehave('server-error');
    const error = await transport.action('reboot', { idempotencyKey: 'k-500' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeviceError);
    expect(error).toMatchObject({ code: 'device_error', details: { operation: 'reboot', status: 500, deviceCode: 'internal' } });
    expect((error as Error).message).toContain('controller crashed');
  });

  it('reports an answer outside the contract, or too large, as device_error', async () => {
    device.misbehave('not-the-contract');
    await expect(transport.health()).rejects.toMatchObject({ code: 'device_error', details: { operation: 'health', status: 200 } });
    device.misbehave('huge');
    const small = new HttpTransport({ baseUrl: device.url, maxResponseBytes: 1024 });
    try {
      await expect(small.health()).rejects.toMatchObject({ code: 'device_error', message: expect.stringContaining('1024 bytes') });
    } finally {
      await small.close();
    }
  });

  it('reports an unreachable device as a typed error, not a crash', async () => {
    const port = await closedPort();
    const offline = new HttpTransport({ baseUrl: `http://127.0.0.1:${port}/SITE/asset` });
    try {
      const error = await offline.health().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnreachableError);
      expect(error).toMatchObject({
        code: 'unreachable',
        transport: 'http',
        target: `http://127.0.0.1:${port}/SITE/asset`,
        details: { operation: 'health', reason: 'ECONNREFUSED' },
      });
      await expect(offline.action('reboot', { idempotencyKey: 'k' })).rejects.toBeInstanceOf(UnreachableError);
    } finally {
      await offline.close();
    }
  });

  it('shows a management URL with its password masked in every error (findings, work orders, logs quote them)', async () => {
    const port = await closedPort();
    const offline = new HttpTransport({ baseUrl: `http://ops:device-pass-77@127.0.0.1:${port}/SITE/asset` });
    try {
      expect(offline.baseUrl).toBe(`http://ops:****@127.0.0.1:${port}/SITE/asset`);
      const error = (await offline.health().catch((e: unknown) => e)) as UnreachableError;
      expect(error).toBeInstanceOf(UnreachableError);
      expect(error.message).toContain(`http://ops:****@127.0.0.1:${port}/SITE/asset`);
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain('device-pass-77');
    } finally {
      await offline.close();
    }
    const bad = (() => {
      try {
        return new HttpTransport({ baseUrl: 'http://ops:device-pass-77@[not a host' });
      } catch (e) {
        return e as BadArgumentError;
      }
    })();
    expect(bad).toBeInstanceOf(BadArgumentError);
    expect(JSON.stringify({ ...bad, message: (bad as Error).message })).not.toContain('device-pass-77');
  });

  it('gives up on a device that does not answer, within the timeout', async () => {
    device.misbehave('slow');
    const impatient = new HttpTransport({ baseUrl: device.url, requestTimeoutMs: 300, actionTimeoutMs: 300 });
    try {
      const startedAt = Date.now();
      const error = await impatient.metrics().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportTimeoutError);
      expect(error).toMatchObject({ code: 'timeout', details: { operation: 'metrics', timeoutMs: 300 } });
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      await expect(impatient.action('recalibrate', { idempotencyKey: 'k-slow' })).rejects.toBeInstanceOf(TransportTimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it('works over a shared dispatcher and leaves it open on close()', async () => {
    const agent = new Agent({ connect: { timeout: 1_000 } });
    try {
      const a = new HttpTransport({ baseUrl: device.url, dispatcher: agent });
      const b = new HttpTransport({ baseUrl: `${device.origin}${DEVICE_PREFIX}/`, dispatcher: agent });
      expect((await a.health()).status).toBe('degraded');
      await a.close();
      expect((await b.metrics()).metrics.cpuPct).toBe(12.5);
      expect(agent.closed).toBe(false);
    } finally {
      await agent.close();
    }
  });

  it('refuses a management URL that is not http(s)', () => {
    expect(() => new HttpTransport({ baseUrl: 'ssh://10.0.0.1' })).toThrow(BadArgumentError);
    expect(() => new HttpTransport({ baseUrl: 'not a url' })).toThrow(BadArgumentError);
  });
});
