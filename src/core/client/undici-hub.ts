// The hub connection's undici side: its keep-alive pool and undici's request
// API, in a module the connection loads by import() on its first call. The
// bot and the demo world send every call through it; the CLI only its
// streams (watch's events, diag's NDJSON, backups), so `watchfloor status`
// never compiles undici.
import requestApi from 'undici/lib/api/api-request.js';
import type { Dispatcher } from 'undici';
import { ServiceLink, type ServiceLinkOptions } from '../service-link.js';

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
