// The CLI's transport for calls answered with JSON: node:http, which ships
// compiled inside Node, where undici costs a cold `watchfloor status` tens of
// milliseconds to compile its parser and pool. Same connection limit, connect
// timeout and failure codes the connection turns into typed errors: a
// connection refused keeps its system code; a connect timeout and a hub that
// closes the connection without an answer take undici's codes, so the message
// a person reads is the one undici's gives.
import { Agent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { JsonAnswer, JsonCall, JsonTransport, JsonTransportSettings } from './json-transport.js';

// As the undici pool: up to 16 connections to the hub.
const CONNECTIONS = 16;

type Requester = (url: URL, options: RequestOptions, answered: (res: IncomingMessage) => void) => ClientRequest;

interface Client {
  agent: Agent;
  request: Requester;
}

function connectTimeout(ms: number): Error {
  return Object.assign(new Error(`Connect Timeout Error (attempted for ${ms} ms)`), { code: 'UND_ERR_CONNECT_TIMEOUT' });
}

// The hub closed the connection before its answer was whole (node:http says
// "socket hang up" or "aborted", with ECONNRESET, though nothing was reset).
function otherSideClosed(cause?: unknown): Error {
  return Object.assign(new Error('other side closed', { cause }), { code: 'UND_ERR_SOCKET' });
}

export function nodeHttpTransport(settings: JsonTransportSettings): JsonTransport {
  const secure = settings.origin.startsWith('https:');
  let client: Promise<Client> | undefined;
  // node:https (and TLS with it) loads only for an https:// hub.
  const open = (): Promise<Client> =>
    (client ??= secure
      ? import('node:https').then((https) => ({
          agent: new https.Agent({ keepAlive: true, maxSockets: CONNECTIONS, ...(settings.ca ? { ca: settings.ca } : {}) }),
          request: https.request,
        }))
      : Promise.resolve({ agent: new Agent({ keepAlive: true, maxSockets: CONNECTIONS }), request: httpRequest }));

  return {
    async send(call: JsonCall): Promise<JsonAnswer> {
      const { agent, request } = await open();
      return new Promise((resolve, reject) => {
        // Sent with its length, as undici sends it, not chunked.
        const headers = call.body === undefined ? call.headers : { ...call.headers, 'content-length': String(Buffer.byteLength(call.body)) };
        const req = request(
          new URL(settings.origin + call.path),
          { method: call.method, headers, agent, signal: call.signal },
          (res) => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: { text: () => readText(res, call.signal) } }),
        );
        let socketFailed = false;
        req.on('error', (e: NodeJS.ErrnoException) => {
          if (call.signal.aborted) reject(call.signal.reason);
          else reject(e.code === 'ECONNRESET' && !socketFailed ? otherSideClosed(e) : e);
        });
        req.on('socket', (socket) => {
          // A kept-alive socket serves request after request: its listener goes with this request, or an eleventh
          // request on one socket warned of a listener leak on stderr (a `--watch` refetches on every change).
          const failed = () => (socketFailed = true);
          socket.once('error', failed);
          req.once('close', () => socket.removeListener('error', failed));
          limitConnect(req, socket, secure, settings.connectTimeoutMs);
        });
        req.end(call.body);
      });
    },
    async close(): Promise<void> {
      if (client) (await client).agent.destroy();
    },
  };
}

// A new socket must connect (and for https finish its handshake) in time; a kept-alive one already has.
function limitConnect(req: ClientRequest, socket: Socket, secure: boolean, ms: number): void {
  if (!socket.connecting) return;
  const timer = setTimeout(() => req.destroy(connectTimeout(ms)), ms);
  const done = () => clearTimeout(timer);
  socket.once(secure ? 'secureConnect' : 'connect', done);
  socket.once('close', done);
}

function readText(res: IncomingMessage, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
    res.on('error', (e) => reject(signal.aborted ? signal.reason : otherSideClosed(e)));
    // The hub went away mid-answer: as a dropped connection, not an empty body.
    res.on('close', () => {
      if (!res.complete) reject(signal.aborted ? signal.reason : otherSideClosed());
    });
  });
}
