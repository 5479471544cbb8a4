// The hub's HTTP server lets go of connections that hold it without asking
// anything — connected and silent, half a request, idle after keep-alive — on
// a bound (here shortened for the test), while the streams that legitimately
// stay open (the event stream, a diagnostics run's JSON Lines) are not cut.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import type { HubEvent } from '../../src/core/model.js';
import { startHub, type RunningHub } from '../../src/hub/start.js';
import { waitUntil } from '../helpers/wait-until.js';
import { fixtureWiring, tinyFleet } from './hub-fixture.js';

const TIMEOUTS = { headersMs: 300, requestMs: 600, keepAliveMs: 300, idleMs: 500 };
// Longer than every bound above, with room for the server's checking interval.
const OUTLASTS_THEM_ALL_MS = 1_500;
const DEVICE_SILENCE_MS = 1_500;

let hub: RunningHub;
let admin: CoreClient;
let dir = '';
let slowDevice: Server;

/** A device whose management API answers only after DEVICE_SILENCE_MS, so a diagnostics run is silent that long. */
async function startSlowDevice(): Promise<Server> {
  const server = createServer((req, res) => {
    setTimeout(() => {
      const body = req.url?.endsWith('/metrics') ? { metrics: {} } : { status: 'ok', checks: [] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }, DEVICE_SILENCE_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  slowDevice = await startSlowDevice();
  const fleet = tinyFleet();
  const port = (slowDevice.address() as AddressInfo).port;
  fleet.assets.push({ id: 'RUH/server-slow', siteId: 'RUH', kind: 'server', name: 'slow server', health: 'ok', managementUrl: `http://127.0.0.1:${port}/RUH/server-slow` });
  dir = mkdtempSync(join(tmpdir(), 'wf-timeouts-'));
  hub = await startHub({ dataFile: join(dir, 'hub.sqlite'), host: '127.0.0.1', port: 0, demo: true, httpTimeouts: TIMEOUTS }, fixtureWiring(fleet).wiring);
  admin = new CoreClient({ hubUrl: hub.url, token: hub.adminToken });
});

afterAll(async () => {
  await admin?.close();
  await hub?.close();
  await new Promise((resolve) => slowDevice?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface RawConnection {
  socket: Socket;
  received: () => string;
  closedAfterMs: () => number | undefined;
}

async function rawConnection(): Promise<RawConnection> {
  const { port } = new URL(hub.url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const opened = performance.now();
  let received = '';
  let closedAt: number | undefined;
  socket.setEncoding('utf8').on('data', (c: string) => (received += c));
  socket.on('error', () => undefined);
  socket.on('close', () => (closedAt = performance.now() - opened));
  return { socket, received: () => received, closedAfterMs: () => closedAt };
}

const closedByTheHub = (c: RawConnection, what: string) =>
  waitUntil(() => c.closedAfterMs(), { what: `the hub to close a connection ${what}`, timeoutMs: 5_000 });

describe('connections that hold the hub without asking', () => {
  it('one that connects and sends nothing is closed after the headers timeout', async () => {
    const c = await rawConnection();
    const after = await closedByTheHub(c, 'that sent nothing');
    expect(after).toBeGreaterThanOrEqual(TIMEOUTS.headersMs - 50);
  });

  it('one that sends half its headers is closed after the headers timeout', async () => {
    const c = await rawConnection();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: hub\r\n');
    await closedByTheHub(c, 'with half its headers');
    expect(c.received()).not.toContain('200 OK');
  });

  it('one that sends its headers but half the body it announced is closed after the request timeout', async () => {
    const c = await rawConnection();
    c.socket.write('POST /v1/incidents HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"title":');
    const after = await closedByTheHub(c, 'with half its body');
    expect(after).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 50);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout, once its answer is out', async () => {
    const c = await rawConnection();
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: keep-alive\r\n\r\n');
    await closedByTheHub(c, 'idle after its answer');
    expect(c.received()).toContain('HTTP/1.1 200 OK');
    expect(c.received()).toMatch(/keep-alive: timeout=\d/i);
  });

  it('a hundred silent connections are all let go, and the hub still answers', async () => {
    const many = await Promise.all(Array.from({ length: 100 }, () => rawConnection()));
    await waitUntil(() => many.every((c) => c.closedAfterMs() !== undefined), { what: 'every silent connection to be closed', timeoutMs: 5_000 });
    expect((await fetch(`${hub.url}/healthz`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });
});

describe('streams that stay open', () => {
  it('an event stream outlasts every timeout and still delivers', async () => {
    const seen: HubEvent[] = [];
    const controller = new AbortController();
    let open = false;
    const stream = admin.events({ signal: controller.signal, onEvent: (e) => seen.push(e), onOpen: () => (open = true) });
    try {
      await waitUntil(() => open, { what: 'the event stream to open', timeoutMs: 5_000 });
      // Quiet for longer than every bound: no event, and no heartbeat (15 s apart).
      await new Promise((resolve) => setTimeout(resolve, OUTLASTS_THEM_ALL_MS));
      const { incident } = await admin.createIncident({ title: 'After the quiet', severity: 'sev4', siteId: 'RUH' });
      await waitUntil(() => seen.some((e) => e.type === 'incident.created' && (e.data as { id?: string }).id === incident.id), {
        what: 'the incident to arrive on the stream',
        timeoutMs: 5_000,
      });
    } finally {
      controller.abort();
      await stream.catch(() => undefined);
    }
  });

  it("a diagnostics run's JSON Lines survive a device that keeps it silent longer than the idle timeout", async () => {
    const res = await fetch(`${hub.url}/v1/diagnostics/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hub.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'RUH/server-slow' }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(200);
    const started = performance.now();
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string });
    expect(performance.now() - started).toBeGreaterThan(TIMEOUTS.idleMs);
    expect(lines.at(-1)!.type).toBe('verdict');
  });
});
