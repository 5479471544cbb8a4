// A stand-in hub for command tests: a real HTTP server on 127.0.0.1:0 that
// answers only the routes a test declares, with fixture JSON. Any other
// request is answered 500 and recorded, so a test can fail on it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path with the query string exactly as the client sends it. */
  path: string;
  status?: number;
  body?: unknown;
  /** Answer as a JSON Lines stream (application/x-ndjson), one object per line, written one by one. */
  ndjson?: unknown[];
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface StubHub {
  url: string;
  requests: RecordedRequest[];
  /** Requests no route matched. */
  unexpected: string[];
  close(): Promise<void>;
}

export async function startStubHub(routes: StubRoute[]): Promise<StubHub> {
  const requests: RecordedRequest[] = [];
  const unexpected: string[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
      const route = routes.find((r) => r.method === req.method && r.path === req.url);
      if (!route) unexpected.push(`${req.method} ${req.url}`);
      if (route?.ndjson) {
        res.writeHead(route.status ?? 200, { 'content-type': 'application/x-ndjson' });
        for (const line of route.ndjson) res.write(`${JSON.stringify(line)}\n`);
        res.end();
        return;
      }
      res.writeHead(route?.status ?? (route ? 200 : 500), { 'content-type': 'application/json' });
      res.end(JSON.stringify(route ? route.body : { error: { code: 'hub_error', message: `stub: no route ${req.method} ${req.url}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unexpected,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL nothing listens on: a port that was bound and released. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
