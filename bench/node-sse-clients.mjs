// bench/fanout.mjs's event-stream clients written in node (its default and
// --raw; --kernel-clients uses bench/sse-clients.c): each keeps every chunk
// with the time it arrived and nothing more while measuring; parsing the
// frames (`parseClient`) happens after a round, so it delays no client.
// `serveClients` runs a worker thread's or child process's share of them.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

// Clock shared by threads: each thread's performance.now() has its own origin.
const now = () => performance.timeOrigin + performance.now();

/** One SSE client: keeps each chunk with the time it arrived, nothing more while measuring. */
function openClient(url, token) {
  return new Promise((resolveOpen, reject) => {
    const chunks = [];
    const req = httpRequest(new URL('/v1/events', url), { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, agent: false });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /v1/events -> ${res.statusCode}`));
      res.on('data', (c) => chunks.push([now(), c]));
      res.on('error', () => {});
      resolveOpen({ chunks, ended: () => res.readableEnded || res.destroyed, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * One SSE client on a bare socket: writes the request and keeps each chunk
 * with the time it arrived. The stream is neither chunked nor compressed
 * (sse-stream.ts), so after the head the bytes are the frames themselves;
 * the head's status is checked on arrival, its end found after the round (`skipHead`).
 */
const READ_BUFFER = Buffer.alloc(256 * 1024);
function openRawClient(url, token) {
  return new Promise((resolveOpen, reject) => {
    const { hostname, port } = new URL(url);
    const chunks = [];
    let ended = false;
    const onChunk = (c) => {
      chunks.push([now(), c]);
      if (chunks.length === 1) {
        const head = c.toString('latin1');
        if (!head.startsWith('HTTP/1.1 200')) return reject(new Error(`GET /v1/events -> ${head.split('\r\n')[0]}`));
        resolveOpen({ chunks, raw: true, ended: () => ended, close: () => socket.destroy() });
      }
    };
    // Read into one buffer shared by every client of the process (onread), each chunk copied out:
    // no stream machinery ('data' events, a Buffer per read from the socket's own pool) per chunk.
    const socket = connect({ host: hostname, port: Number(port), noDelay: true, onread: { buffer: READ_BUFFER, callback: (n, buf) => onChunk(Buffer.from(buf.subarray(0, n))) } }, () => {
      socket.write(`GET /v1/events HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: Bearer ${token}\r\naccept: text/event-stream\r\n\r\n`);
    });
    socket.on('close', () => (ended = true));
    socket.on('error', reject);
  });
}

/** A raw client's chunks with the HTTP head taken off the first (the head and the stream's opening comment come in it). */
function skipHead(client) {
  if (!client.raw || client.headSkipped) return;
  const first = client.chunks[0];
  const end = first[1].indexOf('\r\n\r\n');
  if (end < 0) throw new Error('an event stream whose head did not come in one read');
  first[1] = first[1].subarray(end + 4);
  client.headSkipped = true;
}

/**
 * A client's events since `from` (chunk index): [{ id, type, data, at, readAt, committed }] with `at` the arrival of the
 * chunk that completed it (with --kernel-clients the kernel's stamp, `readAt` when the client read it).
 */
export function parseClient(client, from) {
  const events = [];
  let text = '';
  for (let i = from; i < client.chunks.length; i++) {
    const [at, chunk, readAt = at] = client.chunks[i];
    text += chunk.toString('utf8');
    let end;
    while ((end = text.indexOf('\n\n')) >= 0) {
      const frame = text.slice(0, end);
      text = text.slice(end + 2);
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const event = JSON.parse(data.slice(6));
      const incident = event.type === 'incident.updated' ? { id: event.data.id, state: event.data.state } : undefined;
      events.push({ id: event.id, type: event.type, data: incident, at, readAt, committed: Date.parse(event.at) });
    }
  }
  return events;
}

// The SSE clients live in worker threads (or, with --procs, child
// processes), apart from the thread that sends acks, so reading 200 streams
// does not delay reading the ack answers (the measure would be the bench's,
// not the hub's).
export async function serveClients({ url, token, count, raw }, port) {
  const open = raw ? openRawClient : openClient;
  const clients = [];
  for (let i = 0; i < count; i += 20) clients.push(...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => open(url, token)))));
  let marks = clients.map(() => 0);
  port.on('message', (msg) => {
    if (msg === 'mark') {
      marks = clients.map((c) => c.chunks.length);
      port.send('marked');
    } else if (msg === 'collect') {
      clients.forEach(skipHead);
      port.send(clients.map((c, k) => ({ ended: c.ended(), events: parseClient(c, marks[k]) })));
    } else if (msg === 'close') {
      for (const c of clients) c.close();
      port.close();
    }
  });
  port.send('open');
}
