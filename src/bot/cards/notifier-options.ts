// What a live-card notifier is told and gives back, whatever its platform
// (slack/notifier.ts, teams/notifier.ts): each adds only how it reaches its platform.
import { CoreClient } from '../../core/client.js';
import type { Severity } from '../../core/model.js';
import { CARD_LEASE_MS } from '../../core/vocabulary.js';
import type { Lang } from '../../render/labels.js';
import type { Outbox } from '../outbox.js';
import type { IncidentCardRouting } from './routing.js';

export interface CardNotifierOptions {
  /** The hub and the bot's own token (a bot's, --bot: it claims cards). */
  hub: { hubUrl: string; token: string };
  /** The outbox's SQLite file (`:memory:` only in tests: it would not survive a restart). */
  outboxFile: string;
  /** Channel (Slack) or conversation (Teams) ids by region, site kind and role. */
  routing: IncidentCardRouting;
  /** Cards for incidents at or above this severity (default sev2). */
  minSeverity?: Severity | undefined;
  lang?: Lang | undefined;
  /** Names this bot instance in its card claims; stable across restarts so it can finish its own claims. */
  instanceId?: string | undefined;
  /** How many recent incidents a catch-up lists (default 500). */
  catchUpLimit?: number | undefined;
  /** How long an alert's new incident waits for grouping before its first card (default FIRST_CARD_WAIT_MS, 2 s). */
  firstCardWaitMs?: number | undefined;
  /** A card claim's lease (default 30 s); renewed every `renewEveryMs` (default a third of it) while its post is on its way. */
  leaseMs?: number | undefined;
  renewEveryMs?: number | undefined;
  /** Event-stream reconnect backoff (tests shorten it). */
  reconnectBackoffMs?: { min: number; max: number } | undefined;
  /** Outbox retry timing (tests shorten it). */
  outboxBackoffMs?: { base: number; max: number } | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface CardNotifier {
  /** The outbox the cards go through (pending and dead letters, for status and tests). */
  readonly outbox: Outbox;
  stop(): Promise<void>;
}

/** What every notifier starts from: its options' defaults, a hub client speaking for its platform, and the switch that stops it. */
export function notifierBasics(options: CardNotifierOptions, channel: 'slack' | 'teams') {
  const leaseMs = options.leaseMs ?? CARD_LEASE_MS.default;
  return {
    log: options.log ?? (() => {}),
    lang: options.lang ?? ('en' as Lang),
    leaseMs,
    renewEveryMs: options.renewEveryMs ?? Math.floor(leaseMs / 3),
    client: new CoreClient({ hubUrl: options.hub.hubUrl, token: options.hub.token, channel }),
    abort: new AbortController(),
  };
}

/** The handle both notifiers give back: stop following, let the posts on their way finish, close the hub client. */
export function notifierHandle(parts: {
  abort: AbortController;
  client: CoreClient;
  posts: { outbox: Outbox; stop(): Promise<void> };
  feed: { following: Promise<unknown> };
}): CardNotifier {
  const { abort, client, posts, feed } = parts;
  return {
    outbox: posts.outbox,
    async stop() {
      abort.abort();
      await feed.following;
      await posts.stop();
      await client.close();
    },
  };
}
