// A small device on loopback that serves the management API contract
// (src/devices/README.md) over real node:http, records the
// requests it gets, and can be told to misbehave.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Misbehaviour = 'none' | 'slow' | 'not-the-contract' | 'server-error' | 'unauthorised' | 'huge';

export interface TestDevice {
  /** The managementUrl, with a per-asset path prefix like the emulator's. */
  url: string;
  origin: string;
  seen: SeenRequest[];
  /** How many times an action was really carried out, by action name. */
  performed: Map<string, number>;
  misbehave(mode: Misbehaviour): void;
  stop(): Promise<void>;
}

export const DEVICE_PREFIX = '/RUH/egate-07';

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startTestDevice(options: { token?: string } = {}): Promise<TestDevice> {
  const seen: SeenRequest[] = [];
  const performed = new Map<string, number>();
  const outcomes = new Map<string, unknown>();
  let mode: Misbehaviour = 'none';

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (mode === 'slow') return; // never answers; the client must give up
      if (mode === 'server-error') return send(res, 500, { error: { code: 'internal', message: 'controller crashed' } });
      if (mode === 'not-the-contract') return send(res, 200, { hello: 'world' });
      if (mode === 'huge') return send(res, 200, { status: 'ok', checks: [], pad: 'x'.repeat(64 * 1024) });
      if (mode === 'unauthorised' || (options.token && req.headers.authorization !== `Bearer ${options.token}`)) {
        return send(res, 401, { error: { code: 'unauthenticated', message: 'bad token' } });
      }
      const url = new URL(req.url ?? '/', 'http://device');
      const path = url.pathname.startsWith(DEVICE_PREFIX) ? url.pathname.slice(DEVICE_PREFIX.length) : '';
      if (req.method === 'GET' && path === '/mgmt/v1/health') {
        return send(res, 200, {
          status: 'degraded',
          checks: [
            { name: 'service', status: 'pass' },
            { name: 'card-reader', status: 'fail', detail: 'jam sensor tripped' },
          ],
          firmware: '4.2.1',
          uptimeSeconds: 86_400,
          vendorExtra: 'ignored by the hub',
        });
      }
      if (req.method === 'GET' && path === '/mgmt/v1/metrics') {
        return send(res, 200, { at: '2026-01-01T00:00:00Z', metrics: { cpuPct: 12.5, transactionsPerMinute: 4 } });
      }
      if (req.method === 'GET' && path === '/mgmt/v1/logs') {
        const n = Number(url.searchParams.get('lines'));
        const lines = Array.from({ length: n }, (_, i) => ({ at: `2026-01-01T00:00:0${i}Z`, level: 'error', message: `jam ${i}` }));
        return send(res, 200, { lines });
      }
      const action = /^\/mgmt\/v1\/actions\/([a-z-]+)$/.exec(path)?.[1];
      if (req.method === 'POST' && action) {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string') return send(res, 400, { error: { code: 'missing_key', message: 'Idempotency-Key required' } });
        const stored = outcomes.get(key);
        if (stored) return send(res, 200, { ...(stored as object), replayed: true });
        performed.set(action, (performed.get(action) ?? 0) + 1);
        const outcome = { action, status: 'done', message: `did ${action}` };
        outcomes.set(key, outcome);
        return send(res, 200, { ...outcome, replayed: false });
      }
      send(res, 404, { error: { code: 'not_found', message: `no ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin + DEVICE_PREFIX,
    origin,
    seen,
    performed,
    misbehave: (m) => (mode = m),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
