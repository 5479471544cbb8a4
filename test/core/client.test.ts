import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import {
  ConflictError,
  ForbiddenError,
  HubError,
  HubUnreachableError,
  NotFoundError,
  UnauthenticatedError,
  UsageError,
} from '../../src/core/errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];
const clients: CoreClient[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(hubUrl: string, extra: Partial<ConstructorParameters<typeof CoreClient>[0]> = {}): CoreClient {
  const c = new CoreClient({ hubUrl, token: 'wf_test', channel: 'cli', ...extra });
  clients.push(c);
  return c;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('CoreClient', () => {
  it('sends the token, the channel and a JSON body, and returns the parsed answer', async () => {
    let seen: { auth?: string; channel?: string; body?: string; path?: string } = {};
    const url = await serve((req, res, body) => {
      seen = { auth: req.headers.authorization, channel: req.headers['x-watchfloor-channel'] as string, body, path: req.url };
      json(res, 200, { incident: { id: 'INC-000001' }, changed: false });
    });
    const res = await client(url).assign('INC-000001', 'Fatimah');
    expect(res.changed).toBe(false);
    expect(seen).toEqual({
      auth: 'Bearer wf_test',
      channel: 'cli',
      body: JSON.stringify({ to: 'Fatimah' }),
      path: '/v1/incidents/INC-000001/assign',
    });
  });

  it('encodes filters as a query string and leaves out the empty ones', async () => {
    let path = '';
    const url = await serve((req, res) => {
      path = req.url ?? '';
      json(res, 200, { incidents: [] });
    });
    await client(url).listIncidents({ state: 'open', site: 'RUH', severity: undefined });
    expect(path).toBe('/v1/incidents?state=open&site=RUH');
  });

  it.each([
    [400, 'usage', UsageError],
    [401, 'unauthenticated', UnauthenticatedError],
    [403, 'forbidden', ForbiddenError],
    [404, 'not_found', NotFoundError],
    [409, 'conflict', ConflictError],
    [500, 'hub_error', HubError],
  ])('turns HTTP %i %s into a typed error with the hub message and details', async (status, code, Cls) => {
    const url = await serve((_req, res) =>
      json(res, status, { error: { code, message: `m-${code}`, hint: 'h', details: { acknowledgedBy: 'x' } } }),
    );
    const err = await client(url).ack('INC-000001').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Cls);
    expect(err).toMatchObject({ message: `m-${code}`, hint: 'h', details: { acknowledgedBy: 'x' } });
  });

  it('says the answer was not JSON instead of crashing', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    await expect(client(url).fleetStatus()).rejects.toBeInstanceOf(HubError);
  });

  it('fails fast with the URL it tried when nothing listens', async () => {
    const url = await serve(() => undefined);
    await new Promise((r) => servers.pop()!.close(r)); // bound then closed: nothing listens now
    const started = Date.now();
    const err = await client(url).fleetStatus().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubUnreachableError);
    expect((err as Error).message).toContain(url);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('gives up on a hub that accepts but never answers, as unreachable', async () => {
    const url = await serve(() => undefined); // never responds
    const err = await client(url, { requestTimeoutMs: 300 }).health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubUnreachableError);
  });

  it('retries an idempotent GET after a dropped connection, but never a POST', async () => {
    let gets = 0;
    let posts = 0;
    const url = await serve((req, res) => {
      if (req.method === 'GET' && ++gets === 1) return req.socket.destroy();
      if (req.method === 'POST') {
        posts++;
        return req.socket.destroy();
      }
      json(res, 200, { sites: [] });
    });
    const c = client(url);
    await expect(c.listSites()).resolves.toEqual([]);
    expect(gets).toBe(2);
    await expect(c.ack('INC-000001')).rejects.toBeInstanceOf(HubUnreachableError);
    expect(posts).toBe(1);
  });

  it('rejects a hub URL that is not http(s) with a usage error', () => {
    expect(() => new CoreClient({ hubUrl: 'ftp://x' })).toThrow(UsageError);
    expect(() => new CoreClient({ hubUrl: 'not a url' })).toThrow(UsageError);
  });

  it('findSite names the nearest sites when nothing matches', async () => {
    const url = await serve((_req, res) =>
      json(res, 200, {
        sites: [
          { id: 'RUH', name: { en: 'King Khalid International Airport', ar: 'مطار الملك خالد الدولي' }, city: 'Riyadh' },
        ],
      }),
    );
    const err = await client(url).findSite('RHU').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).details).toEqual({ suggestions: ['RUH'], ambiguous: false });
    expect((err as NotFoundError).hint).toContain('RUH');
  });
});
