// The bot's persistent outbox: every message to Slack is written to the bot's
// own SQLite file first, then sent by a worker that owns the retries — the
// WebClient's own retries are off, so a 429's Retry-After is honoured exactly
// once, a Slack outage becomes backoff, and a restart resends what was queued.
// No message waits on another's trouble: a few are sent at once (never two of
// one key, whose order matters), a retry waits on a timer, not in line, and
// the after-step of a sent message (recording a card with the hub) runs on its
// own with its own retries; a permanent failure dead-letters at once.
import { WebClient, LogLevel } from '@slack/web-api';
import { OutboxStore, type OutboxJob, type StoredJob } from './outbox-store.js';
import { pacedSlackChat, type SlackChat } from './slack-chat.js';
import { classifySlackFailure } from './slack-failures.js';
import { findPostedMessage, messageMetadata, selfOf } from './slack/message-lookup.js';

export type { OutboxJob, StoredJob } from './outbox-store.js';
export type { SlackChat } from './slack-chat.js';
export { classifySlackFailure } from './slack-failures.js';

export interface Delivery {
  channel: string;
  ts: string;
}

/** Whether a post may still go out (asked before each try): its sender may have lost the right to post it. */
export type PostGate = { send: true } | { drop: string } | { retry: string } | { dead: string };
/** How a sent job's after-step went. */
export type Settled = { done: true } | { retry: string } | { dead: string };

export interface OutboxOptions {
  /** The bot token; a WebClient is built from it unless `client` is given. */
  token?: string | undefined;
  /** Slack's Web API base URL (tests point it at a stand-in). */
  slackApiUrl?: string | undefined;
  client?: SlackChat | undefined;
  /** How long one Web API call may take (default 10 s). */
  requestTimeoutMs?: number | undefined;
  /** First retry delay; doubled per attempt up to `maxBackoffMs`, with jitter. */
  baseBackoffMs?: number | undefined;
  maxBackoffMs?: number | undefined;
  /** How many jobs are sent (and, apart, settled) at once (default 4). */
  maxInFlight?: number | undefined;
  random?: () => number;
  now?: () => number;
  /** Asked before each try of a post. */
  beforePost?: (job: StoredJob) => Promise<PostGate>;
  /** A job reached Slack (also jobs queued before a restart); it stays in the outbox until this says done. */
  settle?: (job: StoredJob, delivery: Delivery) => Promise<Settled>;
  /** A job that will never be done (channel_not_found, invalid_auth, a hub that refuses its record, …). */
  onDeadLetter?: (job: StoredJob, reason: string) => void;
  /** A post dropped because its sender may no longer post it (and the updates queued behind it). */
  onDropped?: (job: StoredJob, reason: string) => void;
  log?: (line: string) => void;
}

export interface Outbox {
  /** Persist a job and wake the worker; returns the id of the job it is (or was folded into). */
  enqueue(job: OutboxJob): number;
  /** Drop the pending jobs of a key that are not being sent; returns how many. */
  drop(key: string): number;
  pending(): StoredJob[];
  /** Sent, their after-step still due. */
  settling(): StoredJob[];
  deadLetters(): StoredJob[];
  /** Resolves once nothing is pending or settling (or the outbox closes). */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
}

/** A WebClient whose retries are the outbox's business. */
export function createOutboxWebClient(token: string | undefined, slackApiUrl?: string, timeoutMs = 10_000): WebClient {
  return new WebClient(token, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: LogLevel.ERROR,
    timeout: timeoutMs,
  });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function openOutbox(file: string, options: OutboxOptions = {}): Outbox {
  const store = new OutboxStore(file);
  const now = options.now ?? Date.now;
  const closing = new AbortController();
  // A 429 pauses every call, not just the refused one: the limit is the app's.
  let pausedUntil = 0;
  const client = pacedSlackChat(
    options.client ?? (createOutboxWebClient(options.token, options.slackApiUrl, options.requestTimeoutMs) as unknown as SlackChat),
    () => pausedUntil,
    now,
    closing.signal,
  );
  const self = selfOf(client);
  const random = options.random ?? Math.random;
  const baseMs = options.baseBackoffMs ?? 1_000;
  const maxMs = options.maxBackoffMs ?? 60_000;
  const slots = Math.max(1, options.maxInFlight ?? 4);
  const log = options.log ?? (() => {});

  let closed = false;
  // Jobs being sent (id → key) and being settled (ids): never two of one key sent at once.
  const sending = new Map<number, string>();
  const settlingNow = new Set<number>();
  const tasks = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const idleWaiters = new Set<() => void>();

  // Equal jitter: half the exponential delay fixed, half random, so bots retrying together spread out.
  const backoff = (attempts: number) => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** attempts);
    return ceiling / 2 + random() * (ceiling / 2);
  };

  const busyIds = () => [...sending.keys(), ...settlingNow];

  function deadLetter(job: StoredJob, reason: string): void {
    log(`outbox: ${job.kind} ${job.key} to ${job.channel} dead-lettered: ${reason}`);
    store.deadLetter(job, reason);
    options.onDeadLetter?.(job, reason);
  }

  /** A Slack failure of the job's lookup or send: wait for Retry-After, back off, or give up. */
  function failed(job: StoredJob, error: unknown, mayExistSince: number | undefined): void {
    const verdict = classifySlackFailure(error);
    if (verdict.retry === 'never') return deadLetter(job, verdict.reason);
    if (verdict.retry === 'rate-limited') pausedUntil = Math.max(pausedUntil, now() + verdict.afterMs);
    const at = verdict.retry === 'rate-limited' ? pausedUntil : now() + backoff(job.attempts);
    store.retryAt(job, at, verdict.reason, mayExistSince);
  }

  /** The message of a post that may already be in the channel; undefined when there is none (or no way to look). */
  async function alreadyPosted(job: StoredJob, since: number): Promise<string | undefined> {
    try {
      return await findPostedMessage(client, await self(), { channel: job.channel, key: job.key, since });
    } catch (e) {
      // Nothing lost by posting when looking can never work (no channels:history scope): the card matters more.
      if (classifySlackFailure(e).retry !== 'never') throw e;
      log(`outbox: cannot look for ${job.key} in ${job.channel} before posting it again (${classifySlackFailure(e).reason}); posting`);
      return undefined;
    }
  }

  async function send(job: StoredJob): Promise<void> {
    const blocks = job.blocks ? { blocks: job.blocks } : {};
    if (job.kind === 'post' && options.beforePost) {
      const gate = await options.beforePost(job).catch((e: unknown): PostGate => ({ retry: message(e) }));
      if ('drop' in gate) {
        // This job and the updates queued behind it; not a job of the key being sent right now.
        const dropped = store.dropKey(job.key, busyIds().filter((id) => id !== job.id));
        log(`outbox: post ${job.key} dropped (${dropped} job${dropped === 1 ? '' : 's'}): ${gate.drop}`);
        return options.onDropped?.(job, gate.drop);
      }
      if ('dead' in gate) return deadLetter(job, gate.dead);
      if ('retry' in gate) return store.retryAt(job, now() + backoff(job.attempts), gate.retry);
    }
    const settle = options.settle !== undefined;
    try {
      if (job.kind === 'post') {
        if (job.mayExistSince !== undefined) {
          const ts = await alreadyPosted(job, job.mayExistSince);
          if (ts) {
            log(`outbox: ${job.key} was already in ${job.channel} (${ts}); updating it instead of posting again`);
            return store.adopt(job, ts, settle, now());
          }
        }
        const triedAt = now();
        store.markTried(job, triedAt);
        try {
          const res = await client.chat.postMessage({ channel: job.channel, text: job.text, ...blocks, metadata: messageMetadata(job.key) });
          store.delivered(job, res.ts, settle, now());
        } catch (e) {
          failed(job, e, classifySlackFailure(e).mayHaveLanded ? (job.mayExistSince ?? triedAt) : job.mayExistSince);
        }
        return;
      }
      if (!job.ts) return deadLetter(job, 'no_message_ts');
      await client.chat.update({ channel: job.channel, ts: job.ts, text: job.text, ...blocks });
      store.delivered(job, job.ts, settle, now());
    } catch (e) {
      failed(job, e, job.mayExistSince);
    }
  }

  async function settleJob(job: StoredJob): Promise<void> {
    const outcome = await options.settle!(job, { channel: job.channel, ts: job.ts ?? '' }).catch((e: unknown): Settled => ({ retry: message(e) }));
    if ('done' in outcome) return store.settled(job);
    if ('dead' in outcome) return deadLetter(job, outcome.dead);
    store.retryAt(job, now() + backoff(job.attempts), outcome.retry);
  }

  function run(task: () => Promise<void>, release: () => void): void {
    const running = task()
      .catch((e: unknown) => log(`outbox: ${message(e)}`))
      .finally(() => {
        release();
        tasks.delete(running);
        wake?.();
      });
    tasks.add(running);
  }

  /** Start every job that may start now. */
  function pump(): void {
    for (let job; sending.size < slots && now() >= pausedUntil && (job = store.nextDue(now(), [...sending.values()])); ) {
      const started = job;
      sending.set(started.id, started.key);
      run(() => send(started), () => sending.delete(started.id));
    }
    if (!options.settle) return;
    for (let job; settlingNow.size < slots && (job = store.nextToSettle(now(), [...settlingNow])); ) {
      const started = job;
      settlingNow.add(started.id);
      run(() => settleJob(started), () => settlingNow.delete(started.id));
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
      pump();
      if (tasks.size === 0 && !store.hasWork()) for (const done of [...idleWaiters]) done();
      // Full slots wake the loop when a job ends; free ones when the next job falls due (a send not before a 429's pause ends).
      const sendAt = sending.size < slots ? store.nextSendAt([...sending.values()]) : undefined;
      const settleAt = options.settle && settlingNow.size < slots ? store.nextSettleAt([...settlingNow]) : undefined;
      const times = [sendAt === undefined ? undefined : Math.max(sendAt, pausedUntil), settleAt].filter((t): t is number => t !== undefined);
      await sleepUntil(times.length ? Math.min(...times) : undefined);
    }
  })();

  return {
    enqueue(job) {
      if (closed) throw new Error('the outbox is closed');
      const id = store.enqueue(job, now(), busyIds());
      wake?.();
      return id;
    },
    drop(key) {
      return store.dropKey(key, busyIds());
    },
    pending: () => store.list('pending'),
    settling: () => store.list('settling'),
    deadLetters: () => store.list('dead'),
    whenIdle() {
      if (closed || (tasks.size === 0 && !store.hasWork())) return Promise.resolve();
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
      closing.abort();
      wake?.();
      await loop;
      await Promise.allSettled([...tasks]);
      for (const done of [...idleWaiters]) done();
      store.close();
    },
  };
}
