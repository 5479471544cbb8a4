// Reading and answering JSON on the emulator's node:http server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorRequestError } from './errors.js';

const MAX_BODY_BYTES = 64 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new EmulatorRequestError(400, 'bad_request', 'body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new EmulatorRequestError(400, 'bad_request', 'body is not JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof EmulatorRequestError) {
    // A 401 says which scheme would be let in (RFC 9110).
    const challenge: Record<string, string> = e.status === 401 ? { 'www-authenticate': 'Bearer realm="watchfloor device emulator"' } : {};
    sendJson(res, e.status, { error: { code: e.code, message: e.message } }, challenge);
    return;
  }
  sendJson(res, 500, { error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } });
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
