// The Teams bot's HTTP endpoint: POST /api/messages, where the Bot Framework
// posts each activity with a signed bearer token. CloudAdapter checks the token
// (an unsigned request gets 401 and reaches no bot code, hence never the hub;
// one with no token at all is turned away here, before its body is read)
// and runs the bot. node:http is enough: CloudAdapter wants a parsed body and
// an express-like response, which a thin shim gives it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, type Response as BotResponse } from 'botbuilder';
import { UsageError } from '../../core/errors.js';
import { createTeamsBot, type TeamsBotOptions } from './bot.js';
import { teamsAuthentication } from './teams-auth.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
// Activities are a few kilobytes; anything this large is not from Teams.
const MAX_BODY_BYTES = 256 * 1024;

export interface TeamsServerOptions extends TeamsBotOptions {
  /** The Azure bot registration's application (client) id. */
  appId: string;
  /** Its client secret. */
  appPassword: string;
  /** The Entra tenant of a single-tenant registration (the kind Azure creates now); omit for a multi-tenant one. */
  tenantId?: string;
  /** Where to listen (default 127.0.0.1:3978, the Bot Framework's usual port; 0 picks a free one). */
  host?: string;
  port?: number;
}

export interface TeamsServer {
  /** The messaging endpoint URL as this process listens on it (behind a proxy, give Azure the public one). */
  url: string;
  stop(): Promise<void>;
}

export async function startTeamsServer(options: TeamsServerOptions): Promise<TeamsServer> {
  // Without an app id the Bot Framework SDK accepts unsigned requests: anyone could act with the bot's hub token.
  if (!options.appId.trim() || !options.appPassword.trim()) {
    throw new UsageError('the Teams bot needs its Azure app id and password', {
      hint: 'set them from the Azure bot registration (Configuration: Microsoft App ID, and a client secret)',
    });
  }
  const log = options.log ?? (() => undefined);
  const adapter = new CloudAdapter(teamsAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    log(`Teams turn failed: ${error.message}`);
    await context.sendActivity('Something went wrong on the watchfloor bot; the duty engineer can find it in the bot log.').catch(() => undefined);
  };
  const bot = createTeamsBot(options);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`Teams request failed: ${(error as Error).message}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== TEAMS_MESSAGES_PATH) return void res.writeHead(404).end();
    if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
    // No bearer token at all: refused before the body is read. CloudAdapter would refuse it too,
    // but prints a stack trace for each, and scanners send many.
    if (!BEARER.test(req.headers.authorization ?? '')) return void res.writeHead(401).end();
    const body = await readJson(req);
    if (body === undefined) return void res.writeHead(400).end('the body should be a JSON activity');
    if (body === TOO_LARGE) return void res.writeHead(413).end();
    await adapter.process({ body, headers: req.headers, method: req.method }, expressLike(res), (context) => bot.run(context));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3978, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${TEAMS_MESSAGES_PATH}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const BEARER = /^Bearer \S+$/;
const TOO_LARGE = Symbol('too large');

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined | typeof TOO_LARGE> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return TOO_LARGE;
    chunks.push(chunk);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The four calls CloudAdapter makes on a response, over node's ServerResponse. */
function expressLike(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: unknown) {
      res.statusCode = Number(code);
    },
    header(name: unknown, value: unknown) {
      res.setHeader(String(name), String(value));
    },
    send(body: unknown) {
      if (body === undefined || body === null) return;
      if (typeof body === 'string' || Buffer.isBuffer(body)) return void res.write(body);
      res.setHeader('content-type', 'application/json');
      res.write(JSON.stringify(body));
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}
