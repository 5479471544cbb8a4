// A local stand-in for Slack's Web API (https://slack.com/api/…), for tests and
// benches: a real HTTP server on 127.0.0.1:0 that the bot's WebClient reaches
// through Bolt's `clientOptions.slackApiUrl`. It records every call, answers
// chat.postMessage / chat.update / conversations.history / views.publish /
// auth.test like Slack does, and can be told to answer 429 with Retry-After,
// to be unavailable (503s), to leave response_url posts unanswered, to refuse connections, or to be down for a while
// the way an outage looks from outside: first 503s, then refused connections.
// File uploads (files.uploadV2) go through its two methods and an upload URL
// on the stand-in itself; completed files are kept with their bytes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackApiCall {
  /** The Web API method, e.g. `chat.postMessage`. */
  method: string;
  /** The arguments, parsed from JSON or form encoding. */
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token: string | undefined;
  at: number;
  /** The HTTP status it was answered with (undefined while unanswered); 0 if its connection was cut. */
  status?: number | undefined;
  /** Slack's `ok` in the answer: a successful call is status 200 and ok. */
  ok?: boolean | undefined;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  /** How many times chat.update replaced it. */
  updates: number;
  /** The message metadata it was posted with (`{ event_type, event_payload }`), if any. */
  metadata?: unknown;
  /** Who posted it: the app's bot user for a bot token (xoxb-…), else a person. */
  user: string;
}

/** A file shared through files.getUploadURLExternal → upload → files.completeUploadExternal. */
export interface SlackFile {
  id: string;
  filename: string;
  title: string | undefined;
  channel: string;
  threadTs: string | undefined;
  /** The bytes posted to its upload URL. */
  bytes: Buffer;
}

export interface SlackApiStandIn {
  /** Base URL ending in `/api/`, ready for `clientOptions.slackApiUrl`. */
  url: string;
  /** A response_url to put in signed test payloads; posts to it are recorded as `response_url`. */
  responseUrl(id?: string): string;
  calls: SlackApiCall[];
  /** Messages as they stand now, by `channel:ts`. */
  messages: Map<string, SlackMessage>;
  /** The next `count` calls (of `method`, or any) are answered 429 with this Retry-After (seconds). */
  rateLimit(count: number, retryAfterSeconds: number, method?: string): void;
  /** Every `n`th call from now on (of `method`, or any) is answered 429 with this Retry-After; 0 stops it. */
  rateLimitEvery(n: number, retryAfterSeconds: number, method?: string): void;
  /** While true, every call is answered 503 (Slack down). */
  setUnavailable(down: boolean): void;
  /** While true, posts to a response_url are recorded but never answered (Slack slow to take replies). */
  holdResponses(hold: boolean): void;
  /** While true, the port refuses connections (and open ones are cut): Slack unreachable. */
  refuseConnections(refuse: boolean): Promise<void>;
  /** Slack down for `ms`: 503s for the first `unavailableShare` of it (default half), then refused connections. Resolves when it is back. */
  outage(ms: number, unavailableShare?: number): Promise<void>;
  /** chat.postMessage to `requested` answers with channel `answered` (the message is still kept under `requested`). */
  answerChannelAs(requested: string, answered: string): void;
  /** Successful chat.postMessage calls, in order. */
  successfulPosts(): SlackApiCall[];
  /** The WebSocket URL apps.connections.open hands a Socket Mode client (a local stand-in server). */
  setSocketModeUrl(url: string): void;
  /** Files completed into a channel, in order. */
  files: SlackFile[];
  /** While set, files.getUploadURLExternal answers ok: false with this error (e.g. missing_scope). */
  failUploads(error: string | undefined): void;
  /** Calls of one method, in order. */
  callsOf(method: string): SlackApiCall[];
  /** Resolves when `predicate` holds for the recorded calls, or rejects after `timeoutMs`. */
  waitFor(predicate: (calls: SlackApiCall[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const BOT_USER_ID = 'UBOTWF001';
const TEAM_ID = 'TWATCHFL0';
const HUMAN_USER_ID = 'U0PERSON1';

export async function startSlackApi(): Promise<SlackApiStandIn> {
  const calls: SlackApiCall[] = [];
  const messages = new Map<string, SlackMessage>();
  const limits: { remaining: number; retryAfter: number; method?: string | undefined }[] = [];
  let every: { n: number; retryAfter: number; method?: string | undefined; seen: number } | undefined;
  const channelAnswers = new Map<string, string>();
  let unavailable = false;
  let holdingResponses = false;
  let socketModeUrl: string | undefined;
  let tsCounter = 0;
  const files: SlackFile[] = [];
  const pendingUploads = new Map<string, { filename: string; bytes?: Buffer }>();
  let uploadError: string | undefined;
  const waiters = new Set<() => void>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      // Replies to a slash command's or an action's response_url land under
      // /respond/…: recorded as the method `response_url`; a file's bytes are
      // posted to /upload/FILE-ID: recorded as `file_upload`.
      const path = (req.url ?? '').split('?')[0] ?? '';
      const method = path.startsWith('/respond/') ? 'response_url' : path.startsWith('/upload/') ? 'file_upload' : path.replace(/^\/api\//, '');
      const body = Buffer.concat(chunks);
      const args = method === 'file_upload' ? await receiveUpload(req, path, body) : parseArgs(req, body.toString('utf8'));
      const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
      const call: SlackApiCall = { method, args, token, at: Date.now() };
      calls.push(call);
      for (const wake of waiters) wake();
      const reply = (status: number, body: Record<string, unknown>): void => {
        call.status = status;
        call.ok = body.ok === true;
        send(res, status, body);
        // Again once answered: predicates on `messages` and outcomes see the call's effect.
        for (const wake of waiters) wake();
      };

      if (unavailable) return reply(503, { ok: false, error: 'service_unavailable' });
      if (holdingResponses && method === 'response_url') return;
      const limit = limits.find((l) => l.remaining > 0 && (!l.method || l.method === method));
      const periodic = every && (!every.method || every.method === method) && ++every.seen % every.n === 0;
      if (limit || periodic) {
        if (limit) limit.remaining--;
        res.setHeader('Retry-After', String(limit ? limit.retryAfter : every!.retryAfter));
        return reply(429, { ok: false, error: 'ratelimited' });
      }
      reply(200, answer(method, args, token));
    });
  });

  function answer(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER_ID, team_id: TEAM_ID, bot_id: 'BWF001', user: 'watchfloor' };
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (!channel) return { ok: false, error: 'channel_not_found' };
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}`;
        const user = token?.startsWith('xoxb-') ? BOT_USER_ID : HUMAN_USER_ID;
        const message: SlackMessage = { channel, ts, text: String(args.text ?? ''), blocks: args.blocks, updates: 0, metadata: args.metadata, user };
        messages.set(`${channel}:${ts}`, message);
        return { ok: true, channel: channelAnswers.get(channel) ?? channel, ts, message: { text: message.text, ts } };
      }
      case 'conversations.history':
        return history(args);
      case 'chat.update': {
        const key = `${String(args.channel)}:${String(args.ts)}`;
        const message = messages.get(key);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? message.text);
        if (args.blocks !== undefined) message.blocks = args.blocks;
        message.updates++;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Math.floor(Date.now() / 1000)}.${String(++tsCounter).padStart(6, '0')}` };
      case 'response_url':
        return { ok: true };
      case 'files.getUploadURLExternal': {
        if (uploadError) return { ok: false, error: uploadError, ...(uploadError === 'missing_scope' ? { needed: 'files:write' } : {}) };
        const id = `F${String(++tsCounter).padStart(8, '0')}`;
        pendingUploads.set(id, { filename: String(args.filename ?? '') });
        return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${id}`, file_id: id };
      }
      case 'file_upload':
        return args.received === true ? { ok: true } : { ok: false, error: 'unknown_upload' };
      case 'files.completeUploadExternal':
        return completeUpload(args);
      case 'apps.connections.open':
        return socketModeUrl ? { ok: true, url: socketModeUrl } : { ok: false, error: 'invalid_auth' };
      case 'views.publish':
      case 'views.open':
        return { ok: true, view: { id: 'V0001', ...(typeof args.view === 'object' ? args.view : {}) } };
      default:
        // Slack answers unknown methods this way; a test that needs one adds it here.
        return { ok: false, error: 'unknown_method' };
    }
  }

  // The bytes of a file, posted as the WebClient does: multipart form data, the file in the field `body`.
  async function receiveUpload(req: IncomingMessage, path: string, body: Buffer): Promise<Record<string, unknown>> {
    const pending = pendingUploads.get(path.slice('/upload/'.length));
    if (!pending) return { received: false };
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': String(req.headers['content-type'] ?? '') } }).formData();
    const file = form.get('body');
    if (!(file instanceof Blob)) return { received: false };
    pending.bytes = Buffer.from(await file.arrayBuffer());
    return { received: true, length: pending.bytes.length };
  }

  function completeUpload(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel_id ?? '');
    const listed = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
    if (!channel || !listed.length) return { ok: false, error: 'invalid_arguments' };
    const done: SlackFile[] = [];
    for (const { id = '', title } of listed) {
      const pending = pendingUploads.get(id);
      if (!pending?.bytes) return { ok: false, error: 'file_not_found' };
      done.push({ id, filename: pending.filename, title, channel, threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : undefined, bytes: pending.bytes });
    }
    for (const file of done) pendingUploads.delete(file.id);
    files.push(...done);
    return { ok: true, files: done.map((f) => ({ id: f.id, title: f.title })) };
  }

  // conversations.history as Slack pages it: newest first, `oldest` inclusive, `limit` a page, a cursor
  // for the rest; metadata only with include_all_metadata.
  function history(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const oldest = Number(args.oldest ?? 0);
    const limit = Math.min(Math.max(Number(args.limit ?? 100), 1), 999);
    const start = Number(args.cursor ?? 0);
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const all = [...messages.values()].filter((m) => m.channel === channel && Number(m.ts) >= oldest).sort((a, b) => Number(b.ts) - Number(a.ts));
    const page = all.slice(start, start + limit).map((m) => ({
      type: 'message',
      ts: m.ts,
      text: m.text,
      user: m.user,
      ...(m.user === BOT_USER_ID ? { bot_id: 'BWF001' } : {}),
      ...(withMetadata && m.metadata !== undefined ? { metadata: m.metadata } : {}),
    }));
    const more = start + limit < all.length;
    return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(start + limit) : '' } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let refusing = false;

  async function refuseConnections(refuse: boolean): Promise<void> {
    if (refuse === refusing) return;
    refusing = refuse;
    if (refuse) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    } else {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
    }
  }

  return {
    url: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id = 'r1') => `http://127.0.0.1:${port}/respond/${id}`,
    calls,
    messages,
    rateLimit(count, retryAfterSeconds, method) {
      limits.push({ remaining: count, retryAfter: retryAfterSeconds, method });
    },
    rateLimitEvery(n, retryAfterSeconds, method) {
      every = n > 0 ? { n, retryAfter: retryAfterSeconds, method, seen: 0 } : undefined;
    },
    setUnavailable(down) {
      unavailable = down;
    },
    holdResponses(hold) {
      holdingResponses = hold;
    },
    refuseConnections,
    async outage(ms, unavailableShare = 0.5) {
      unavailable = true;
      await new Promise((r) => setTimeout(r, ms * unavailableShare));
      unavailable = false;
      await refuseConnections(true);
      await new Promise((r) => setTimeout(r, ms * (1 - unavailableShare)));
      await refuseConnections(false);
    },
    answerChannelAs(requested, answered) {
      channelAnswers.set(requested, answered);
    },
    successfulPosts() {
      return calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.ok);
    },
    files,
    failUploads(error) {
      uploadError = error;
    },
    setSocketModeUrl(url) {
      socketModeUrl = url;
    },
    callsOf(method) {
      return calls.filter((c) => c.method === method);
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (!predicate(calls)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`the Slack API stand-in did not see the expected calls within ${timeoutMs} ms (saw: ${calls.map((c) => c.method).join(', ') || 'none'})`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close() {
      if (refusing) return Promise.resolve();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  const match = auth ? /^Bearer\s+(\S+)/i.exec(auth) : null;
  return match?.[1];
}

// The WebClient sends form-encoded bodies whose object fields (blocks,
// attachments, view) are JSON strings; JSON bodies come from other clients.
function parseArgs(req: IncomingMessage, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
