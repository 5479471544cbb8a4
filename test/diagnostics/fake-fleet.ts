// A small fleet of devices on one loopback server, serving the management
// API for each asset under /<assetId>. Each device has checks and metrics the
// test sets, and actions that change them the way the test says; it counts
// what it really carried out and replays idempotency keys like a real device.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface FakeDevice {
  checks: Record<string, CheckStatus>;
  metrics: Record<string, number>;
  /** What each action does to the device; an action not listed answers 404 (not offered). */
  effects: Record<string, (d: FakeDevice) => void>;
  /** Real executions by action name (replays not counted). */
  performed: Map<string, number>;
  /** Drop the connection after performing the next N actions (the answer is lost). */
  dropAnswers: number;
  /** While set, an action is performed at once but answered only when this settles (a hub may die meanwhile). */
  holdAnswers?: Promise<unknown> | undefined;
}

export interface FakeFleet {
  origin: string;
  urlOf(assetId: string): string;
  add(assetId: string, checks: Record<string, CheckStatus>, effects?: FakeDevice['effects'], metrics?: Record<string, number>): FakeDevice;
  device(assetId: string): FakeDevice;
  /** Every request the server got (method and path), for "touched nothing" checks. */
  requests: { method: string; path: string }[];
  stop(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** Sets checks to pass (the usual effect of a fix). */
export const clears =
  (...checks: string[]) =>
  (d: FakeDevice) => {
    for (const c of checks) d.checks[c] = 'pass';
  };
export const noEffect = () => {};

export async function startFakeFleet(): Promise<FakeFleet> {
  const devices = new Map<string, FakeDevice>();
  const keys = new Map<string, unknown>();
  const requests: FakeFleet['requests'] = [];

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fleet');
      requests.push({ method: req.method ?? '', path: url.pathname });
      const m = /^\/([^/]+\/[^/]+)\/mgmt\/v1\/(.+)$/.exec(url.pathname);
      const device = m ? devices.get(decodeURIComponent(m[1]!)) : undefined;
      if (!m || !device) return send(res, 404, { error: { code: 'not_found', message: 'no such device' } });
      const [, assetId, rest] = m;
      if (req.method === 'GET' && rest === 'health') {
        const checks = Object.entries(device.checks).map(([name, status]) => ({ name, status, ...(status === 'pass' ? {} : { detail: `${name} ${status}` }) }));
        const failing = checks.filter((c) => c.status !== 'pass').length;
        return send(res, 200, { status: failing ? 'degraded' : 'ok', checks });
      }
      if (req.method === 'GET' && rest === 'metrics') return send(res, 200, { metrics: device.metrics });
      const action = /^actions\/([a-z-]+)$/.exec(rest!)?.[1];
      if (req.method === 'POST' && action) {
        const effect = device.effects[action];
        if (!effect) return send(res, 404, { error: { code: 'not_found', message: `${action} not offered` } });
        const key = `${assetId}|${String(req.headers['idempotency-key'])}`;
        const stored = keys.get(key);
        if (stored) return send(res, 200, { ...(stored as object), replayed: true });
        effect(device);
        device.performed.set(action, (device.performed.get(action) ?? 0) + 1);
        const outcome = { action, status: 'done', message: `did ${action}` };
        keys.set(key, outcome);
        if (device.dropAnswers > 0) {
          device.dropAnswers--;
          return req.socket.destroy();
        }
        if (device.holdAnswers) return void device.holdAnswers.finally(() => send(res, 200, { ...outcome, replayed: false }));
        return send(res, 200, { ...outcome, replayed: false });
      }
      send(res, 404, { error: { code: 'not_found', message: `no ${req.method} ${rest}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    urlOf: (assetId) => `${origin}/${assetId}`,
    add(assetId, checks, effects = {}, metrics = {}) {
      const d: FakeDevice = { checks: { ...checks }, metrics: { ...metrics }, effects, performed: new Map(), dropAnswers: 0 };
      devices.set(assetId, d);
      return d;
    },
    device: (assetId) => devices.get(assetId)!,
    requests,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
