// One server-sent-events stream: replays what the client missed, then live
// events, with a comment line as heartbeat so proxies keep it open.
//
// Writing is the hub's main cost when many clients watch, so each stream
// writes as little as it can: what one publish hands it is one Buffer, encoded
// once and shared by every stream (200 clients share one copy of what they
// have not read yet), written to the socket in one call; and the body is not
// chunk-encoded (the connection closes with the stream, which delimits it),
// so a write is the frames alone rather than a chunk header, the frames and a
// line end. A
// replay waits for the socket to drain between pages, so a client resuming
// from far back is paced, not cut. A client whose unread backlog in the hub
// passes the bound is not reading: it is cut off — its socket destroyed at
// once, so its backlog is freed rather than held until it reads — and the
// caller is told, to log why. It may resume by Last-Event-ID.
import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { HubEvent } from '../../core/model.js';
import { keepStreamOpen } from '../http-timeouts.js';
import type { EventBus, Subscription } from './event-bus.js';

export const HEARTBEAT_MS = 15_000;
/** Bytes a stream may leave unread in the hub (beyond the OS's socket buffers) before its client counts as not reading. */
export const MAX_BACKLOG_BYTES = 1024 * 1024;
/** A replay waiting this long for the client to take a page: it is not reading either. */
export const MAX_STALL_MS = 60_000;

export interface SseCutOff {
  /** Its backlog passed the bound, or a replay waited too long for it to take a page. */
  reason: 'backlog' | 'stalled';
  /** What waited in the hub for the client when it was cut off. */
  backlogBytes: number;
  /** The last event written to it: the client may resume after it (what it really read is less). */
  lastEventId: number | undefined;
  /** The bounds this stream was held to (its options, else the defaults). */
  limits: { maxBacklogBytes: number; stallMs: number };
}

export interface SseStream {
  /** Ends the stream from the hub's side (shutdown). */
  close(): void;
}

export interface SseOptions {
  sinceId?: number | undefined;
  heartbeatMs?: number;
  maxBacklogBytes?: number;
  stallMs?: number;
  /** The client was cut off for not reading (the stream is closed by then). */
  onCutOff?: (cut: SseCutOff) => void;
  onClose?: () => void;
}

export function formatSseEvent(event: HubEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

// The bus hands the same event objects to every subscriber, a slice of them
// per turn of the event loop, so the frames of the batch being handed out are
// kept until the slices after the first have taken them. Bounded: the oldest
// go first, and an event whose frame was dropped is only encoded again.
const FRAMES_KEPT = 1_024;
const frames = new Map<HubEvent, Buffer>();
// A publish reaches every stream that is up to date as the same array: its frames, joined once.
const batches = new WeakMap<readonly HubEvent[], Buffer>();

/** The event's SSE frame, encoded once for every stream. */
export function sseFrame(event: HubEvent): Buffer {
  let frame = frames.get(event);
  if (!frame) {
    frame = Buffer.from(formatSseEvent(event));
    frames.set(event, frame);
    if (frames.size > FRAMES_KEPT) frames.delete(frames.keys().next().value!);
  }
  return frame;
}

/** The frames of events handed over together, as one Buffer: encoded once for every stream handed the same array. */
export function sseFrames(events: readonly HubEvent[]): Buffer {
  if (events.length === 1) return sseFrame(events[0]!);
  let joined = batches.get(events);
  if (!joined) {
    joined = Buffer.concat(events.map(sseFrame));
    batches.set(events, joined);
  }
  return joined;
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n');

export function openSseStream(res: ServerResponse, bus: EventBus, options: SseOptions = {}): SseStream {
  const maxBacklog = options.maxBacklogBytes ?? MAX_BACKLOG_BYTES;
  const stallMs = options.stallMs ?? MAX_STALL_MS;
  // No chunked encoding: the stream ends with its connection, which delimits the body.
  res.removeHeader('transfer-encoding');
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
  // From here on frames go straight to the socket, after the head and comment
  // the response has already handed it: the response adds nothing to a body
  // that is neither chunked nor counted, but would cork the socket and queue
  // its uncorking for every write.
  const out: Writable = res.socket ?? res;

  let closed = false;
  let lastEventId: number | undefined;
  let subscription: Subscription | undefined;
  const stop = () => {
    closed = true;
    clearInterval(heartbeat);
    subscription?.unsubscribe();
  };
  const close = () => {
    if (closed) return;
    stop();
    // Once the last bytes are out, drop the socket: a client that went away
    // may leave it half-open, which would hold up the server's close().
    res.end(() => res.socket?.destroy());
    options.onClose?.();
  };
  const cutOff = (reason: SseCutOff['reason']) => {
    if (closed) return;
    const backlogBytes = out.writableLength;
    stop();
    res.destroy();
    options.onCutOff?.({ reason, backlogBytes, lastEventId, limits: { maxBacklogBytes: maxBacklog, stallMs } });
    options.onClose?.();
  };
  const write = (chunk: Buffer) => {
    if (closed) return;
    out.write(chunk);
    if (out.writableLength > maxBacklog) cutOff('backlog');
  };
  /** Undefined while the socket keeps up; else resolves once it has drained, or the stream is over (cut off after stallMs). */
  const drained = () => {
    if (closed || !out.writableNeedDrain) return undefined;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(stalled);
        out.off('drain', done);
        res.off('close', done);
        resolve();
      };
      const stalled = setTimeout(() => {
        cutOff('stalled');
        done();
      }, stallMs);
      out.on('drain', done);
      res.on('close', done);
    });
  };

  const heartbeat = setInterval(() => write(HEARTBEAT), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  subscription = bus.subscribeBatches(
    (events) => {
      lastEventId = events.at(-1)!.id;
      write(sseFrames(events));
    },
    { sinceId: options.sinceId, drained },
  );
  // A replay handed over at once may already have cut it off.
  if (closed) subscription.unsubscribe();
  res.on('close', close);
  return { close };
}
