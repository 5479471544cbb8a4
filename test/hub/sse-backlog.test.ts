// What the event stream holds in the hub for each client. A client that does
// not read is cut off, with why, once what waits for it passes a bound — and
// its socket goes with it, so its backlog is freed rather than held until it
// reads. A client that reads, resuming from far back, is paced by its socket
// and never cut. And an event is encoded once, whatever the number of clients.
// Real sockets on 127.0.0.1 against openSseStream over a real bus.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/core/model.js';
import type { EventBus, EventHistory } from '../../src/hub/events/event-bus.js';
import { createMemoryEventBus } from '../../src/hub/events/memory-event-bus.js';
import { formatSseEvent, openSseStream, type SseCutOff } from '../../src/hub/events/sse-stream.js';
import { waitUntil } from '../helpers/wait-until.js';

const BOUND = 256 * 1024;
const PAD = 'x'.repeat(8_000);
const event = (id: number, data: unknown = { pad: PAD }): HubEvent => ({ id, type: 'site.telemetry', at: '2026-03-01T06:00:00.000Z', data });

let server: Server | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(bus: EventBus, cuts: SseCutOff[], stallMs?: number): Promise<number> {
  server = createServer((req, res) => {
    const since = new URL(req.url ?? '/', 'http://hub').searchParams.get('since');
    openSseStream(res, bus, { sinceId: since === null ? undefined : Number(since), maxBacklogBytes: BOUND, stallMs, onCutOff: (c) => cuts.push(c) });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A client on a raw socket that asks for the stream; it reads only if `reads` (and counts the events it got). */
function client(port: number, path: string, reads: boolean) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let events = 0;
  let tail = '';
  socket.on('connect', () => {
    socket.write(`GET ${path} HTTP/1.1\r\nHost: hub\r\n\r\n`);
    if (!reads) socket.pause();
  });
  socket.setEncoding('latin1').on('data', (chunk: string) => {
    const text = tail + chunk;
    events += text.split('\nevent: ').length - 1;
    tail = text.slice(-8);
  });
  socket.on('error', () => undefined);
  return { socket, events: () => events };
}

const connections = () => new Promise<number>((resolve, reject) => server!.getConnections((e, n) => (e ? reject(e) : resolve(n))));

describe('a client that does not read', () => {
  it('is cut off once its backlog passes the bound, with how much waited and where to resume, and its socket is let go', async () => {
    const bus = createMemoryEventBus({ capacity: 100 });
    const cuts: SseCutOff[] = [];
    const port = await serve(bus, cuts);
    client(port, '/', false);
    await waitUntil(() => bus.subscriberCount === 1, { what: 'the stream to subscribe', timeoutMs: 5_000 });
    let id = 0;
    // Publish until the OS's buffers are full and the hub's own backlog passes the bound.
    await waitUntil(
      () => {
        bus.publish(Array.from({ length: 50 }, () => event(++id)));
        return cuts.length > 0;
      },
      { what: 'the non-reader to be cut off', timeoutMs: 15_000, intervalMs: 10 },
    );
    expect(cuts[0]!.reason).toBe('backlog');
    expect(cuts[0]!.backlogBytes).toBeGreaterThan(BOUND);
    expect(cuts[0]!.lastEventId).toBeGreaterThan(0);
    expect(bus.subscriberCount).toBe(0);
    await waitUntil(async () => (await connections()) === 0, { what: 'the hub to drop the socket of the non-reader', timeoutMs: 5_000 });
  });
});

const history = (events: HubEvent[]): EventHistory => ({
  listEventsAfter: async (after, limit) => events.filter((e) => e.id > after).slice(0, limit),
});

describe('a client that stops reading while it is replayed what it missed', () => {
  it('is cut off once the replay has waited the stall bound for it, and nothing piles up meanwhile', async () => {
    const past = Array.from({ length: 2_000 }, (_, i) => event(i + 1));
    const bus = createMemoryEventBus({ capacity: 100, history: history(past), lastId: past.length });
    const cuts: SseCutOff[] = [];
    const port = await serve(bus, cuts, 300);
    client(port, '/?since=0', false);
    await waitUntil(() => cuts.length > 0, { what: 'the stalled replay to be cut off', timeoutMs: 10_000 });
    expect(cuts[0]).toMatchObject({ reason: 'stalled' });
    expect(cuts[0]!.backlogBytes).toBeLessThanOrEqual(BOUND);
    expect(bus.subscriberCount).toBe(0);
    await waitUntil(async () => (await connections()) === 0, { what: 'the hub to drop its socket', timeoutMs: 5_000 });
  });
});

describe('a client that reads', () => {
  it('resuming from far back through the history, 16 MB, is paced by its socket and never cut', async () => {
    const past = Array.from({ length: 2_000 }, (_, i) => event(i + 1));
    const bus = createMemoryEventBus({ capacity: 100, history: history(past), lastId: past.length });
    const cuts: SseCutOff[] = [];
    const port = await serve(bus, cuts);
    const reader = client(port, '/?since=0', false);
    // It reads nothing for a while (the buffers fill), then everything.
    await waitUntil(() => bus.subscriberCount === 1, { what: 'the stream to subscribe', timeoutMs: 5_000 });
    reader.socket.resume();
    await waitUntil(() => reader.events() >= past.length, { what: 'every past event to arrive', timeoutMs: 15_000 });
    expect(cuts).toEqual([]);
  });

  it('resuming from far back in memory alone, likewise', async () => {
    const bus = createMemoryEventBus({ capacity: 5_000 });
    bus.publish(Array.from({ length: 2_000 }, (_, i) => event(i + 1)));
    const cuts: SseCutOff[] = [];
    const port = await serve(bus, cuts);
    const reader = client(port, '/?since=0', false);
    await waitUntil(() => bus.subscriberCount === 1, { what: 'the stream to subscribe', timeoutMs: 5_000 });
    reader.socket.resume();
    await waitUntil(() => reader.events() >= 2_000, { what: 'every retained event to arrive', timeoutMs: 15_000 });
    expect(cuts).toEqual([]);
  });
});

describe('encoding', () => {
  it('an event is serialised once for all fifty clients', async () => {
    const bus = createMemoryEventBus();
    const port = await serve(bus, []);
    const readers = Array.from({ length: 50 }, () => client(port, '/', true));
    await waitUntil(() => bus.subscriberCount === 50, { what: 'fifty streams', timeoutMs: 5_000 });
    let serialised = 0;
    bus.publish([event(1, { toJSON: () => (serialised++, { site: 'RUH' }) })]);
    await waitUntil(() => readers.every((r) => r.events() === 1), { what: 'every client to get the event', timeoutMs: 5_000 });
    expect(serialised).toBe(1);
  });

  it('each event of a batch is serialised once, for more clients than one slice of the fan-out', async () => {
    const bus = createMemoryEventBus({ sliceSize: 20 });
    const port = await serve(bus, []);
    const readers = Array.from({ length: 70 }, () => client(port, '/', true));
    await waitUntil(() => bus.subscriberCount === 70, { what: 'seventy streams', timeoutMs: 5_000 });
    const serialised = [0, 0, 0];
    bus.publish([1, 2, 3].map((id) => event(id, { toJSON: () => (serialised[id - 1]!++, { site: 'RUH' }) })));
    await waitUntil(() => readers.every((r) => r.events() === 3), { what: 'every client to get the three events', timeoutMs: 5_000 });
    expect(serialised).toEqual([1, 1, 1]);
  });
});

describe('writing', () => {
  it('a publish reaches each stream as one write of one Buffer shared by all, the frames bare (no chunked encoding)', async () => {
    const bus = createMemoryEventBus({ sliceSize: 20 });
    const writes: unknown[][] = [];
    server = createServer((req, res) => {
      const mine: unknown[] = [];
      writes.push(mine);
      // Everything the stream writes reaches the socket: the head and opening comment, then the frames.
      const socket = res.socket!;
      const write = socket.write.bind(socket) as (chunk: unknown) => boolean;
      socket.write = ((chunk: unknown) => (mine.push(chunk), write(chunk))) as typeof socket.write;
      openSseStream(res, bus);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const raw: string[] = [];
    for (let i = 0; i < 45; i++) {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      const k = raw.push('') - 1;
      socket.on('connect', () => socket.write('GET / HTTP/1.1\r\nHost: hub\r\n\r\n'));
      socket.setEncoding('latin1').on('data', (chunk: string) => (raw[k] += chunk));
      socket.on('error', () => undefined);
    }
    await waitUntil(() => bus.subscriberCount === 45, { what: 'forty-five streams', timeoutMs: 5_000 });
    const batch = [1, 2, 3].map((id) => event(id, { site: 'RUH', n: id }));
    bus.publish(batch);
    const frames = batch.map(formatSseEvent).join('');
    await waitUntil(() => raw.every((r) => r.endsWith(frames)), { what: 'every client to get the three events', timeoutMs: 5_000 });
    // After the head and opening comment, one write per stream, and the same Buffer for all of them (more than two slices of the bus).
    const batchWrites = writes.map((w) => w.slice(1));
    expect(batchWrites.map((w) => w.length)).toEqual(Array(45).fill(1));
    expect(new Set(batchWrites.map((w) => w[0])).size).toBe(1);
    for (const r of raw) {
      const [head, body] = r.split('\r\n\r\n');
      expect(head).not.toMatch(/transfer-encoding/i);
      expect(head).toMatch(/^connection: close$/im);
      expect(body).toBe(`: watchfloor events\n\n${frames}`);
    }
  });
});
