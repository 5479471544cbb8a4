// A loopback HTTP proxy in front of a real server (the hub), for tests that
// need one kind of request refused the way the server itself would refuse
// it, while everything else — event streams included — passes through
// untouched. It records the requests it refused and those it passed, and can
// cut every open connection (an event stream dropping mid-way).
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRule {
  /** Which requests to refuse, by method, path (with its query) and body. */
  match(method: string, path: string, body: string): boolean;
  status: number;
  body: unknown;
}

export interface FaultProxy {
  url: string;
  refuse(rule: FaultRule): void;
  /** The requests refused so far: `METHOD path body`. */
  refused: string[];
  /** The requests passed through so far: `METHOD path`. */
  passed: string[];
  /** Cut every connection open now (event streams too); new ones are served as before. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const rules: FaultRule[] = [];
  const refused: string[] = [];
  const passed: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const rule = rules.find((r) => r.match(method, path, body.toString('utf8')));
      if (rule) {
        refused.push(`${method} ${path} ${body.toString('utf8')}`);
        res.writeHead(rule.status, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(JSON.stringify(rule.body));
      }
      passed.push(`${method} ${path}`);
      const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
      const forward = request({ host: upstream.hostname, port: upstream.port, method, path, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.destroy());
      res.on('close', () => forward.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refuse: (rule) => void rules.push(rule),
    refused,
    passed,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
