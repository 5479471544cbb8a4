// Bolt's HTTPReceiver behind our own node:http server, so that every request
// passes the replay guard before Bolt sees it. Bolt's own signature check
// stays on for everything Bolt's receiver handles: a request that does not
// verify here goes on to Bolt untouched and Bolt answers 401. A request that
// verifies, but whose signature was already used (or is dated too far ahead),
// is refused here — with the same bare 401. A verified, fresh slash command
// the bot answers at once (answerAtOnce) is acked here and its answer queued,
// without Bolt (early-ack.ts): for it, this check (slack-signature.ts, held to
// Bolt's verdicts by a test) is the one that decides.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTPReceiver, type App, type Logger, type Receiver, type SlashCommand } from '@slack/bolt';
import { ReceiverAckGate } from './ack-gate.js';
import { ReplayGuard } from './replay-guard.js';
import { slashCommandOf } from './early-ack.js';
import { isSignedBySlack } from './slack-signature.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Bolt's own default: Slack never sends more. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** How long open connections may take to finish at a stop. */
const CLOSE_GRACE_MS = 1_000;

export interface SignedReceiverOptions {
  signingSecret: string;
  host: string;
  port: number;
  logger: Logger;
}

/** What the guard makes of a request: not (validly) signed — Bolt decides —, fresh, or refused. */
type Admission = 'unsigned' | 'fresh' | 'refused';

export class SignedHttpReceiver implements Receiver {
  readonly #inner: HTTPReceiver;
  readonly #guard = new ReplayGuard();
  /** Open while no ack is owed: replies wait on it (ack-gate.ts). */
  readonly ackGate = new ReceiverAckGate();
  readonly #options: SignedReceiverOptions;
  /** Slash commands acked and answered without Bolt, by command. */
  readonly #atOnce = new Map<string, (command: SlashCommand) => void>();
  #server: Server | undefined;

  constructor(options: SignedReceiverOptions) {
    this.#options = options;
    this.#inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: options.logger,
      signatureVerification: true,
      // The ack goes out the moment a listener calls ack(), not once the listener returns (Bolt's default, said aloud).
      processBeforeResponse: false,
    });
  }

  init(app: App): void {
    this.#inner.init(app);
  }

  /**
   * A verified, fresh `command` is acked at once (empty) and given to `answer`,
   * never to Bolt; `answer` must only queue work (slack/after-ack.ts), as the
   * listener of a command whose answer goes to its response_url does.
   */
  answerAtOnce(command: string, answer: (command: SlashCommand) => void): void {
    this.#atOnce.set(command, answer);
  }

  /** Listens; resolves with the base URL actually bound (port 0 → a free port). */
  async start(): Promise<string> {
    if (this.#server) throw new Error('the Slack receiver is already started');
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.#options.logger.error(`Slack request failed: ${(error as Error).message}`);
        if (!res.headersSent) respondEmpty(res, 500);
      });
    });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#options.port, this.#options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    return `http://${host}:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // A request still arriving gets a moment to be acked; a client that
    // keeps its connection open past that does not hold the stop.
    const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    await closed;
    clearTimeout(cut);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.ackGate.arrived(res);
    if (req.method === 'POST') {
      let body: Buffer;
      try {
        body = await readBody(req, BODY_LIMIT_BYTES);
      } catch {
        return respondEmpty(res, 413);
      }
      // Bolt reuses a body already read (it looks for `rawBody`) rather than reading the stream again.
      (req as IncomingMessage & { rawBody: Buffer }).rawBody = body;
      const admission = this.#admit(req, body);
      if (admission === 'refused') return respondEmpty(res, 401);
      const command = admission === 'fresh' && isEventsPath(req.url) ? slashCommandOf(req.headers['content-type'], body, this.#atOnce) : undefined;
      if (command) {
        respondEmpty(res, 200);
        return this.#atOnce.get(command.command)!(command);
      }
    }
    this.#inner.requestListener(req, res);
  }

  #admit(req: IncomingMessage, body: Buffer): Admission {
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return 'unsigned';
    const now = Date.now();
    if (!isSignedBySlack({ signature, timestampSeconds: timestamp, body }, this.#options.signingSecret, now)) return 'unsigned';
    const verdict = this.#guard.admit(signature, timestamp, now);
    if (verdict === 'fresh') return 'fresh';
    this.#options.logger.warn(`refused a signed Slack request: ${verdict === 'replayed' ? 'signature already used' : 'timestamp more than 5 minutes ahead'}`);
    return 'refused';
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Bolt's receiver answers only its endpoint (any query string aside); so does the early ack. */
function isEventsPath(url: string | undefined): boolean {
  return (url ?? '').split('?')[0] === SLACK_EVENTS_PATH;
}

function respondEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}
