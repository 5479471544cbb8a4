// One server-sent-events stream: replays what the client missed, then live
// events, with a comment line as heartbeat so proxies keep it open.
import type { ServerResponse } from 'node:http';
import type { HubEvent } from '../../core/model.js';
import { keepStreamOpen } from '../http-timeouts.js';
import type { EventBus } from './event-bus.js';

export const HEARTBEAT_MS = 15_000;
// A client this far behind is not reading; drop it and let it resume by id.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface SseStream {
  /** Ends the stream from the hub's side (shutdown). */
  close(): void;
}

export interface SseOptions {
  sinceId?: number | undefined;
  heartbeatMs?: number;
  onClose?: () => void;
}

export function formatSseEvent(event: HubEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function openSseStream(res: ServerResponse, bus: EventBus, options: SseOptions = {}): SseStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // The socket is never reused after a stream, and closing it with the
    // stream lets the hub shut down without waiting on the client.
    connection: 'close',
    'x-accel-buffering': 'no',
  });
  res.write(': watchfloor events\n\n');
  keepStreamOpen(res);

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    subscription.unsubscribe();
    // Once the last bytes are out, drop the socket: a client that went away
    // may leave it half-open, which would hold up the server's close().
    res.end(() => res.socket?.destroy());
    options.onClose?.();
  };
  const write = (chunk: string) => {
    if (closed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };

  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  const subscription = bus.subscribe((event) => write(formatSseEvent(event)), { sinceId: options.sinceId });
  res.on('close', close);
  return { close };
}
