// A local stand-in for Slack's Socket Mode endpoint (wss://wss-primary.slack.com/link/…),
// for tests: a real WebSocket server on 127.0.0.1:0. Hand its URL to the Web API
// stand-in (`setSocketModeUrl`), which gives it to the bot's apps.connections.open;
// the bot dials in, gets `hello` (its start() resolves only then), and is sent
// envelopes it must acknowledge with `{"envelope_id": …}` on the same socket.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

// ws@8 ships no types, and the hoisted @types/ws is botbuilder's v6, which has
// no WebSocketServer: the little of ws used here, typed here.
interface ServerSideSocket {
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'close', listener: (code: number) => void): void;
  terminate(): void;
}
interface WsServer {
  on(event: 'connection', listener: (socket: ServerSideSocket) => void): void;
  once(event: 'listening', listener: () => void): void;
  address(): AddressInfo;
  close(callback: () => void): void;
}
type WsServerClass = new (options: { host: string; port: number }) => WsServer;

export interface SocketModeAck {
  envelope_id: string;
  /** What the app answered with ack(…); Slack shows it for commands that accept a response payload. */
  payload?: Record<string, unknown>;
}

export interface SocketModeEnvelope {
  /** Default: a fresh UUID. */
  envelopeId?: string;
  /** `slash_commands`, `interactive` or `events_api`. */
  type: string;
  payload: Record<string, unknown>;
  /** Set for slash commands and some interactions: the ack may carry the reply. */
  acceptsResponsePayload?: boolean;
}

export interface SlackSocketModeStandIn {
  /** The WebSocket URL to hand out from apps.connections.open. */
  url: string;
  /** Connections made so far (a reconnect is a second one). */
  readonly connections: number;
  /** The close code of each connection that ended (1000: the app hung up normally). */
  closeCodes: number[];
  /** Sends an envelope over the open connection and resolves with the app's ack, or rejects after `timeoutMs`. */
  deliver(envelope: SocketModeEnvelope, timeoutMs?: number): Promise<SocketModeAck>;
  /** Resolves once every connection has closed (the app sent its close frame), or rejects after `timeoutMs`. */
  waitForDisconnect(timeoutMs?: number): Promise<void>;
  /** Ends open connections and stops listening. */
  close(): Promise<void>;
}

export async function startSlackSocketMode(): Promise<SlackSocketModeStandIn> {
  const { WebSocketServer } = (await import('ws')) as unknown as { WebSocketServer: WsServerClass };
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const open = new Set<ServerSideSocket>();
  const ackWaiters = new Map<string, (ack: SocketModeAck) => void>();
  const closeWaiters = new Set<() => void>();
  const closeCodes: number[] = [];
  let connections = 0;

  server.on('connection', (socket) => {
    connections++;
    open.add(socket);
    socket.on('message', (data) => {
      const ack = parseAck(data.toString('utf8'));
      if (ack) ackWaiters.get(ack.envelope_id)?.(ack);
    });
    socket.on('close', (code) => {
      closeCodes.push(code);
      open.delete(socket);
      if (open.size === 0) for (const wake of closeWaiters) wake();
    });
    // What Slack sends first on every connection; the client counts itself connected on it.
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.size,
        debug_info: { host: 'applink-local-standin', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0WATCHFL' },
      }),
    );
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address();

  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=local-standin&app_id=A0WATCHFL`,
    get connections() {
      return connections;
    },
    closeCodes,
    deliver(envelope, timeoutMs = 5_000) {
      const [socket] = open;
      if (!socket) return Promise.reject(new Error('no Socket Mode connection is open'));
      const envelopeId = envelope.envelopeId ?? randomUUID();
      const acked = within<SocketModeAck>(timeoutMs, `no ack for the ${envelope.type} envelope ${envelopeId}`, (resolve) => {
        ackWaiters.set(envelopeId, resolve);
        return () => ackWaiters.delete(envelopeId);
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: envelope.type,
          accepts_response_payload: envelope.acceptsResponsePayload ?? false,
          payload: envelope.payload,
        }),
      );
      return acked;
    },
    waitForDisconnect(timeoutMs = 5_000) {
      if (open.size === 0) return Promise.resolve();
      return within<void>(timeoutMs, `${open.size} Socket Mode connection(s) still open`, (resolve) => {
        const wake = () => resolve();
        closeWaiters.add(wake);
        return () => closeWaiters.delete(wake);
      });
    },
    close() {
      for (const socket of open) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseAck(text: string): SocketModeAck | undefined {
  try {
    const message = JSON.parse(text) as Partial<SocketModeAck>;
    return typeof message.envelope_id === 'string' ? (message as SocketModeAck) : undefined;
  } catch {
    return undefined;
  }
}

/** A promise settled by `register`'s resolve, or rejected after `timeoutMs`; the returned cleanup runs either way. */
function within<T>(timeoutMs: number, failure: string, register: (resolve: (value: T) => void) => () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${failure} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = register((value) => {
      clearTimeout(timer);
      cleanup();
      resolve(value);
    });
  });
}
