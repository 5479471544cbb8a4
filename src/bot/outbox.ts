// The bot's persistent outbox: every message to Slack is written to the bot's
// own SQLite file first, then sent by one worker that owns the retries — the
// WebClient's own retries are off, so a 429's Retry-After is honoured exactly
// once, a Slack outage becomes backoff, and a restart resends what was queued.
import { WebClient, LogLevel, ErrorCode, type WebAPICallResult } from '@slack/web-api';
import { OutboxStore, type OutboxJob, type StoredJob } from './outbox-store.js';

export type { OutboxJob, StoredJob } from './outbox-store.js';

/** The part of a WebClient the outbox uses. */
export interface SlackChat {
  chat: {
    postMessage(args: { channel: string; text: string; blocks?: unknown[] }): Promise<WebAPICallResult & { ts?: string; channel?: string }>;
    update(args: { channel: string; ts: string; text: string; blocks?: unknown[] }): Promise<WebAPICallResult & { ts?: string; channel?: string }>;
  };
}

export interface Delivery {
  channel: string;
  ts: string;
}

export interface OutboxOptions {
  /** The bot token; a WebClient is built from it unless `client` is given. */
  token?: string | undefined;
  /** Slack's Web API base URL (tests point it at a stand-in). */
  slackApiUrl?: string | undefined;
  client?: SlackChat | undefined;
  /** First retry delay; doubled per attempt up to `maxBackoffMs`, with jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => number;
  /** A job reached Slack (also jobs queued before a restart). */
  onDelivered?: (job: StoredJob, delivery: Delivery) => void | Promise<void>;
  /** A job Slack will never accept (channel_not_found, invalid_auth, …). */
  onDeadLetter?: (job: StoredJob, reason: string) => void;
  log?: (line: string) => void;
}

export interface Outbox {
  /** Persist a job and wake the worker; returns the id of the job it is (or was folded into). */
  enqueue(job: OutboxJob): number;
  pending(): StoredJob[];
  deadLetters(): StoredJob[];
  /** Resolves once nothing is pending (or the outbox closes). */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

/** A WebClient whose retries are the outbox's business. */
export function createOutboxWebClient(token: string | undefined, slackApiUrl?: string): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
    timeout: 10_000,
  });
}

// Platform errors that say "later", not "never".
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

type Verdict = { retry: 'rate-limited'; afterMs: number; reason: string } | { retry: 'backoff'; reason: string } | { retry: 'never'; reason: string };

/** What a failed send means for the job. */
export function classifySlackFailure(error: unknown): Verdict {
  const e = error as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return { retry: 'rate-limited', afterMs: Math.max(0, e.retryAfter ?? 1) * 1000, reason: 'ratelimited' };
    case ErrorCode.PlatformError: {
      const reason = e.data?.error ?? 'unknown_error';
      return TRANSIENT_PLATFORM_ERRORS.has(reason) ? { retry: 'backoff', reason } : { retry: 'never', reason };
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      const reason = `http_${status}`;
      return status >= 500 || status === 408 ? { retry: 'backoff', reason } : { retry: 'never', reason };
    }
    default:
      // Network failures (ErrorCode.RequestError) and anything unexpected: try again later.
      return { retry: 'backoff', reason: e?.message ?? String(error) };
  }
}

export function openOutbox(file: string, options: OutboxOptions = {}): Outbox {
  const store = new OutboxStore(file);
  const client = options.client ?? createOutboxWebClient(options.token, options.slackApiUrl);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseMs = options.baseBackoffMs ?? 1_000;
  const maxMs = options.maxBackoffMs ?? 60_000;
  const log = options.log ?? (() => {});

  let closed = false;
  let sendingId: number | undefined;
  // A 429 pauses every send, not just the refused one: the limit is the app's.
  let pausedUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const idleWaiters = new Set<() => void>();

  // Equal jitter: half the exponential delay fixed, half random, so bots retrying together spread out.
  const backoff = (attempts: number) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempts);
    return ceiling / 2 + random() * (ceiling / 2);
  };

  async function send(job: StoredJob): Promise<Delivery> {
    const blocks = job.blocks ? { blocks: job.blocks } : {};
    if (job.kind === 'post') {
      const res = await client.chat.postMessage({ channel: job.channel, text: job.text, ...blocks });
      return { channel: res.channel ?? job.channel, ts: res.ts ?? '' };
    }
    if (!job.ts) throw Object.assign(new Error('an update with no message to update'), { code: ErrorCode.PlatformError, data: { error: 'no_message_ts' } });
    const res = await client.chat.update({ channel: job.channel, ts: job.ts, text: job.text, ...blocks });
    return { channel: res.channel ?? job.channel, ts: res.ts ?? job.ts };
  }

  async function step(job: StoredJob): Promise<void> {
    sendingId = job.id;
    try {
      const delivery = await send(job);
      store.delivered(job, delivery.ts);
      try {
        await options.onDelivered?.(job, delivery);
      } catch (e) {
        log(`outbox: after delivering ${job.key}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } catch (e) {
      const verdict = classifySlackFailure(e);
      if (verdict.retry === 'never') {
        log(`outbox: ${job.kind} ${job.key} to ${job.channel} dead-lettered: ${verdict.reason}`);
        store.deadLetter(job, verdict.reason);
        options.onDeadLetter?.(job, verdict.reason);
      } else if (verdict.retry === 'rate-limited') {
        pausedUntil = now() + verdict.afterMs;
        store.retryAt(job, pausedUntil, verdict.reason);
      } else {
        store.retryAt(job, now() + backoff(job.attempts), verdict.reason);
      }
    } finally {
      sendingId = undefined;
    }
  }

  function sleepUntil(at: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      wake = resolve;
      if (at !== undefined) timer = setTimeout(resolve, Math.max(0, at - now()));
    }).finally(() => {
      wake = undefined;
      if (timer) clearTimeout(timer);
      timer = undefined;
    });
  }

  const loop = (async () => {
    while (!closed) {
      const t = now();
      const job = t >= pausedUntil ? store.nextDue(t) : undefined;
      if (job) {
        await step(job);
        continue;
      }
      const nextAt = store.nextWakeAt();
      if (nextAt === undefined) for (const done of [...idleWaiters]) done();
      await sleepUntil(nextAt === undefined ? undefined : Math.max(nextAt, pausedUntil));
    }
  })();

  return {
    enqueue(job) {
      if (closed) throw new Error('the outbox is closed');
      const id = store.enqueue(job, now(), sendingId);
      wake?.();
      return id;
    },
    pending: () => store.list('pending'),
    deadLetters: () => store.list('dead'),
    whenIdle() {
      if (closed || store.nextWakeAt() === undefined) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          idleWaiters.delete(done);
          resolve();
        };
        idleWaiters.add(done);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      wake?.();
      await loop;
      for (const done of [...idleWaiters]) done();
      store.close();
    },
  };
}
