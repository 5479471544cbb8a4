// CoreClient.events against a real HTTP server speaking text/event-stream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreClient } from '../../src/core/client.js';
import { ForbiddenError, HubUnreachableError } from '../../src/core/errors.js';
import type { HubEvent } from '../../src/core/model.js';
import { SseParser, type SseMessage } from '../../src/core/sse.js';

const servers: Server[] = [];
const clients: CoreClient[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(hubUrl: string): CoreClient {
  const c = new CoreClient({ hubUrl, token: 'wf_test', requestTimeoutMs: 5_000 });
  clients.push(c);
  return c;
}

function event(id: number, type: HubEvent['type'] = 'site.telemetry'): HubEvent {
  return { id, type, at: '2026-11-29T07:00:00.000Z', data: { siteId: 'RUH', waitMinutes: id } };
}

function sse(e: HubEvent): string {
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    })),
  );
});

describe('SseParser', () => {
  it('joins data lines, skips comments, and handles CRLF split across chunks', () => {
    const seen: SseMessage[] = [];
    const parser = new SseParser((m) => seen.push(m));
    for (const chunk of [': hello\r', '\n', 'id: 7\r\nevent: x\r\ndata: a\r\nda', 'ta: b\r', '\n\r\n', 'data:c\n\n']) parser.push(chunk);
    expect(seen).toEqual([
      { id: '7', event: 'x', data: 'a\nb' },
      { id: undefined, event: 'message', data: 'c' },
    ]);
  });
});

describe('CoreClient.events', () => {
  it('delivers each event, sends the token, and resolves with the last id when the hub ends the stream', async () => {
    let auth: string | undefined;
    const url = await serve((req, res) => {
      auth = req.headers.authorization;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // Split an event across writes: the reader must buffer partial lines.
      const second = sse(event(2, 'incident.created'));
      res.write(`: watchfloor events\n\n${sse(event(1))}${second.slice(0, 10)}`);
      setTimeout(() => {
        res.write(`${second.slice(10)}: heartbeat\n\n`);
        res.end();
      }, 20);
    });
    const seen: HubEvent[] = [];
    let opened = false;
    const last = await client(url).events({ onEvent: (e) => seen.push(e), onOpen: () => (opened = true) });
    expect(opened).toBe(true);
    expect(auth).toBe('Bearer wf_test');
    expect(seen.map((e) => [e.id, e.type])).toEqual([[1, 'site.telemetry'], [2, 'incident.created']]);
    expect(last).toBe(2);
  });

  it('resumes with Last-Event-ID', async () => {
    let lastEventId: string | undefined;
    const url = await serve((req, res) => {
      lastEventId = req.headers['last-event-id'] as string | undefined;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(sse(event(42)));
    });
    const seen: number[] = [];
    const last = await client(url).events({ since: 41, onEvent: (e) => seen.push(e.id) });
    expect(lastEventId).toBe('41');
    expect(seen).toEqual([42]);
    expect(last).toBe(42);
  });

  it('resolves when the signal aborts an open stream', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse(event(5)));
    });
    const controller = new AbortController();
    const last = await client(url).events({
      signal: controller.signal,
      onEvent: () => controller.abort(),
    });
    expect(last).toBe(5);
  });

  it('throws the hub’s typed error when the stream is refused', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'forbidden', message: 'no events for you', hint: null, details: {} } }));
    });
    await expect(client(url).events({ onEvent: () => undefined })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('rejects with HubUnreachableError when the stream drops mid-way', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse(event(9)));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const seen: number[] = [];
    await expect(client(url).events({ onEvent: (e) => seen.push(e.id) })).rejects.toBeInstanceOf(HubUnreachableError);
    expect(seen).toEqual([9]);
  });
});
