// A streamed answer of JSON Lines (application/x-ndjson): one object per
// line, written as it happens. A client that goes away stops the writing,
// not the work (actions in flight must finish and be recorded).
import type { FastifyReply } from 'fastify';
import { keepStreamOpen } from '../../http-timeouts.js';

export interface NdjsonStream {
  write(event: unknown): void;
  end(): void;
}

export function openNdjson(reply: FastifyReply): NdjsonStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  raw.flushHeaders();
  keepStreamOpen(raw);
  const gone = () => raw.destroyed || raw.writableEnded;
  return {
    write(event) {
      if (!gone()) raw.write(`${JSON.stringify(event)}\n`);
    },
    end() {
      if (!gone()) raw.end();
    },
  };
}
