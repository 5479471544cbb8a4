// The hub connection's undici side: its keep-alive pool and undici's request
// API, in a module the connection loads by import() on its first call. The
// bot and the demo world send every call through it; the CLI only its
// streams (watch's events, diag's NDJSON, backups), so `watchfloor status`
// never compiles undici.
import { setFlagsFromString } from 'node:v8';
import requestApi from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import { ServiceLink, type ServiceLinkOptions } from '../service-link.js';

// undici parses HTTP with a WebAssembly llhttp. V8 compiles it a second
// time, optimised, on a background thread, and a process cannot exit until
// that compile finishes: ~200 ms added to a short CLI command that streams.
// The baseline compiler alone parses our responses just as well. Set when
// this module loads, before the first connection (when undici compiles it);
// a process that never streams never loads node:v8 for it.
setFlagsFromString('--liftoff-only');

export type UndiciCall = Omit<Dispatcher.RequestOptions, 'origin'>;

export class UndiciHub {
  private readonly link: ServiceLink;

  constructor(hubUrl: string, options: ServiceLinkOptions) {
    this.link = new ServiceLink(hubUrl, options);
  }

  /** `call.path` is under the hub's base path already. */
  request(call: UndiciCall): Promise<Dispatcher.ResponseData> {
    return requestApi.call(this.link.dispatcher, { ...call, origin: this.link.origin });
  }

  close(): Promise<void> {
    return this.link.close();
  }
}
