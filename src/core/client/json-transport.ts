// How the hub connection sends one call answered with JSON. The connection
// decides everything a person sees (headers, retries, timeouts, typed errors);
// a transport only carries the bytes. Two carry them: undici (the default:
// the bot, the demo world) and node:http (the CLI, whose read commands then
// start without compiling an HTTP library of their own).

/** One call, as the connection has settled it: the path already under the hub's base path. */
export interface JsonCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | undefined;
  /** Aborts the call when the request timeout passes; the call rejects with the signal's reason or an AbortError. */
  signal: AbortSignal;
}

export interface JsonAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: { text(): Promise<string> };
}

export interface JsonTransport {
  send(call: JsonCall): Promise<JsonAnswer>;
  /** Close the keep-alive connections so the process can exit promptly. */
  close(): Promise<void>;
}

export interface JsonTransportSettings {
  /** scheme://host:port of the hub. */
  origin: string;
  /** How long a connection (TCP, and TLS for https) may take before the call fails as unreachable. */
  connectTimeoutMs: number;
  /** CA certificates (PEM) an https:// hub is trusted by, instead of the system's. */
  ca?: string | Buffer | undefined;
}

export type JsonTransportFactory = (settings: JsonTransportSettings) => JsonTransport;
