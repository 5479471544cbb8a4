// The CLI's CoreClient sends its JSON calls through node:http (start-up cost),
// the bot's through undici. A person must not tell them apart: each case here
// runs the same calls against the same server through both and expects the
// same answer, or the same typed error (class, code, exit code, message).
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient, type CoreClientOptions } from '../../src/core/client.js';
import { nodeHttpTransport } from '../../src/core/client/node-http-transport.js';
import { isWatchfloorError } from '../../src/core/errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: (Server | TcpServer)[] = [];
const sockets: Socket[] = [];
const clients: CoreClient[] = [];

async function listen(server: Server | TcpServer): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, res, body));
  });
  return `http://127.0.0.1:${await listen(server)}`;
}

/** The same client twice: undici (the default) and node:http (the CLI's). */
function bothClients(hubUrl: string, extra: Partial<CoreClientOptions> = {}): Record<'undici' | 'nodeHttp', CoreClient> {
  const make = (more: Partial<CoreClientOptions>) => {
    const c = new CoreClient({ hubUrl, token: 'wf_test', channel: 'cli', ...extra, ...more });
    clients.push(c);
    return c;
  };
  return { undici: make({}), nodeHttp: make({ transport: nodeHttpTransport }) };
}

/** What a person or a script sees of a call: the answer, or the typed error as --json prints it. */
async function outcome(call: Promise<unknown>): Promise<unknown> {
  try {
    return { ok: await call };
  } catch (e) {
    if (!isWatchfloorError(e)) return { bug: String(e) };
    return { error: e.toJSON(), class: e.constructor.name, exitCode: e.exitCode, hint: e.hint };
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('the CLI transport (node:http) and undici', () => {
  it('send the same request: method, path and query, headers that matter, the JSON body with its length', async () => {
    const seen: unknown[] = [];
    const url = await serve((req, res, body) => {
      const h = req.headers;
      seen.push({
        method: req.method,
        url: req.url,
        body,
        headers: [h.authorization, h.accept, h['x-watchfloor-channel'], h['content-type'], h['content-length'], h['transfer-encoding'], h.host],
      });
      json(res, 200, { incident: { id: 'INC-000001' }, changed: true });
    });
    const { undici, nodeHttp } = bothClients(`${url}/base/`);
    for (const c of [undici, nodeHttp]) {
      await c.assign('INC-000001', 'Fatimah');
      await c.listIncidents({ state: 'open', site: 'RUH' }).catch(() => undefined);
    }
    expect(seen).toHaveLength(4);
    expect(seen[2]).toEqual(seen[0]);
    expect(seen[3]).toEqual(seen[1]);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/base/v1/incidents/INC-000001/assign', body: JSON.stringify({ to: 'Fatimah' }) });
  });

  it('answer alike: parsed JSON, the hub’s typed errors, a body that is not JSON', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/v1/status') return json(res, 200, { sites: [], note: 'ünïcode ✓' });
      if (req.url === '/v1/sites/NOPE') return json(res, 404, { error: { code: 'not_found', message: 'no site NOPE', hint: 'h' } });
      if (req.url?.endsWith('/ack')) return json(res, 409, { error: { code: 'conflict', message: 'already acknowledged', details: { by: 'x' } } });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    const { undici, nodeHttp } = bothClients(url);
    const calls = (c: CoreClient) => [c.fleetStatus(), c.getSite('NOPE'), c.ack('INC-000001'), c.health()];
    const a = await Promise.all(calls(undici).map(outcome));
    const b = await Promise.all(calls(nodeHttp).map(outcome));
    expect(b).toEqual(a);
    expect(a.map((o) => Object.keys(o as object)[0])).toEqual(['ok', 'error', 'error', 'error']);
  });

  it('tell the token’s expiry from the header, as the hub sends it', async () => {
    const url = await serve((_req, res) => json(res, 200, { sites: [] }, { 'x-watchfloor-token-expires': '2026-12-02T00:00:00.000Z' }));
    const told: string[] = [];
    const { undici, nodeHttp } = bothClients(url, { onTokenExpiry: (at) => told.push(at) });
    await undici.fleetStatus();
    await nodeHttp.fleetStatus();
    expect(told).toEqual(['2026-12-02T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
  });

  it('fail alike when nothing listens', async () => {
    const url = await serve(() => undefined);
    await new Promise((r) => (servers.pop() as Server).close(r));
    const { undici, nodeHttp } = bothClients(url);
    const a = await outcome(undici.fleetStatus());
    expect(a).toMatchObject({ class: 'HubUnreachableError', exitCode: 3 });
    expect(await outcome(nodeHttp.fleetStatus())).toEqual(a);
  });

  it('fail alike, as unreachable, when the hub accepts but never answers', async () => {
    const url = await serve(() => undefined);
    const { undici, nodeHttp } = bothClients(url, { requestTimeoutMs: 300 });
    const a = await outcome(undici.health());
    expect(a).toMatchObject({ class: 'HubUnreachableError', error: { message: `the hub at ${url} did not answer within 0.3s` } });
    expect(await outcome(nodeHttp.health())).toEqual(a);
  });

  it('fail alike when the hub stops mid-answer', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"sites":[');
      setImmediate(() => res.socket?.destroy());
    });
    const { undici, nodeHttp } = bothClients(url, { getRetries: 0 });
    const a = await outcome(undici.fleetStatus());
    const b = await outcome(nodeHttp.fleetStatus());
    expect(a).toMatchObject({ class: 'HubUnreachableError', exitCode: 3 });
    expect(b).toEqual(a);
  });

  it('retry a GET after a dropped connection, never a POST', async () => {
    const counts = { GET: 0, POST: 0 };
    const url = await serve((req, res) => {
      const method = req.method as 'GET' | 'POST';
      if (++counts[method] % 2 === 1 || method === 'POST') return req.socket.destroy();
      json(res, 200, { sites: [] });
    });
    const { undici, nodeHttp } = bothClients(url);
    const failed = [];
    for (const c of [undici, nodeHttp]) {
      await expect(c.listSites()).resolves.toEqual([]);
      failed.push(await outcome(c.ack('INC-000001')));
    }
    expect(counts).toEqual({ GET: 4, POST: 2 });
    expect(failed[0]).toMatchObject({ class: 'HubUnreachableError', exitCode: 3 });
    expect(failed[1]).toEqual(failed[0]);
  });

  it('give up alike on an https:// hub whose TLS handshake never finishes, within the connect timeout', async () => {
    const port = await listen(createTcpServer((socket) => sockets.push(socket))); // accepts, never speaks TLS
    const url = `https://127.0.0.1:${port}`;
    const { undici, nodeHttp } = bothClients(url, { connectTimeoutMs: 300, requestTimeoutMs: 10_000, getRetries: 0 });
    const a = await outcome(undici.fleetStatus());
    expect(a).toMatchObject({ class: 'HubUnreachableError', error: { message: `cannot reach the hub at ${url} (UND_ERR_CONNECT_TIMEOUT)` } });
    expect(await outcome(nodeHttp.fleetStatus())).toEqual(a);
  });
});

describe('a kept-alive connection, request after request', () => {
  it('keeps no listener of a finished request on its socket: no leak warning after many calls on one connection', async () => {
    const connections = new Set<Socket>();
    const url = await serve((req, res) => {
      connections.add(req.socket);
      json(res, 200, { ok: true });
    });
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const transport = nodeHttpTransport({ origin: url, connectTimeoutMs: 2_000 });
    try {
      for (let i = 0; i < 30; i++) {
        const answer = await transport.send({ method: 'GET', path: '/v1/status', headers: {}, signal: AbortSignal.timeout(5_000) });
        expect(await answer.body.text()).toBe('{"ok":true}');
      }
      await new Promise((r) => setImmediate(r)); // a warning is emitted on the next tick
      // One connection served all thirty (keep-alive), and its error listeners did not pile up.
      expect(connections.size).toBe(1);
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await transport.close();
    }
  });
});
