// Keeps the view in step with the hub: a snapshot (fleet status and open
// incidents), then the hub's event stream; on a drop, reconnects with
// backoff, resumes from the last event id and refetches the snapshot so
// nothing missed while away stays missing. Events go into a batch the
// caller hands over when it likes, always ahead of anything after them.
import type { CoreClient } from '../core/client.js';
import type { FleetStatus, HubEvent, Incident } from '../core/model.js';
import type { Batch } from './batch.js';
import { abortableSleep } from '../core/abortable-sleep.js';

export type HubFeedClient = Pick<CoreClient, 'fleetStatus' | 'listIncidents' | 'events'>;

export interface LiveFeedHandlers {
  onSnapshot(fleet: FleetStatus, incidents: Incident[]): void;
  /** A fresh fleet status after an event that changes health by the hub's rules. */
  onFleet(fleet: FleetStatus): void;
  onConnected(): void;
  onDisconnected(error: unknown, retryInMs: number): void;
}

export interface LiveFeedOptions extends LiveFeedHandlers {
  client: HubFeedClient;
  signal: AbortSignal;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** How long to gather health-changing events before one fleet refetch. */
  refreshDelayMs?: number;
  /**
   * Where events go, in order: the caller decides when they are handed over
   * (the screen, with its clock); the feed flushes it before anything newer.
   */
  events: Batch<HubEvent>;
  /** Cuts a backoff short (`c` on the stale banner): the next try starts at once. */
  retryNow?: RetryTrigger;
}

/** Short enough that the screen is live again within seconds of the hub coming back. */
export const BACKOFF_MS = { first: 1_000, max: 5_000 } as const;

/** Whoever holds it can end the feed's current backoff. */
export interface RetryTrigger {
  fire(): void;
  /** Listens until the returned function is called. */
  on(listener: () => void): () => void;
}

export function retryTrigger(): RetryTrigger {
  const listeners = new Set<() => void>();
  return {
    fire: () => [...listeners].forEach((listener) => listener()),
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
// The hub can hold 1,000 open incidents in one answer; the queue needs them all.
const OPEN_INCIDENT_LIMIT = 1_000;

export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MS.max, BACKOFF_MS.first * 2 ** Math.max(0, failures - 1));
}

/** Runs until `signal` aborts. */
export async function followHub(options: LiveFeedOptions): Promise<void> {
  const { client, signal } = options;
  const sleep = options.sleep ?? abortableSleep;
  const batch = options.events;
  // Everything else the feed reports is newer than the events gathered so far.
  const after =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      batch.flush();
      handler(...args);
    };
  const handlers = {
    onSnapshot: after(options.onSnapshot),
    onFleet: after(options.onFleet),
    onConnected: after(options.onConnected),
    onDisconnected: after(options.onDisconnected),
  };
  const refresh = fleetRefresher({ ...options, onFleet: handlers.onFleet });
  let since: number | undefined;
  let failures = 0;
  while (!signal.aborted) {
    // Events that arrive while the snapshot is in flight are held and applied
    // after it, so the snapshot cannot overwrite them (applying one twice is harmless).
    let held: HubEvent[] | undefined = [];
    const deliver = (event: HubEvent) => {
      since = event.id;
      batch.push(event);
      if (event.type === 'asset.health' || event.type === 'site.mode' || event.type === 'silence.changed' || event.type.startsWith('incident.')) refresh.soon();
    };
    // One attempt's stream; a failed snapshot ends it to start over.
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    signal.addEventListener('abort', stop, { once: true });
    let snapshotError: unknown;
    try {
      await client.events({
        since,
        signal: attempt.signal,
        onEvent: (event) => (held ? held.push(event) : deliver(event)),
        onOpen: () => {
          snapshot().then(
            () => {
              failures = 0;
              for (const event of held ?? []) deliver(event);
              held = undefined;
              handlers.onConnected();
            },
            (e: unknown) => {
              snapshotError = e;
              attempt.abort();
            },
          );
        },
      });
      if (signal.aborted) break;
      throw snapshotError ?? new Error('the hub ended the event stream');
    } catch (e) {
      if (signal.aborted) break;
      failures++;
      const wait = backoffMs(failures);
      handlers.onDisconnected(e, wait);
      // The backoff ends early on a stop or a retry now.
      const backoff = new AbortController();
      const cut = () => backoff.abort();
      signal.addEventListener('abort', cut, { once: true });
      const off = options.retryNow?.on(cut);
      try {
        await sleep(wait, backoff.signal);
      } finally {
        off?.();
        signal.removeEventListener('abort', cut);
      }
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
  refresh.cancel();
  batch.cancel();

  async function snapshot(): Promise<void> {
    const [fleet, incidents] = await Promise.all([
      client.fleetStatus(),
      client.listIncidents({ state: 'open', limit: OPEN_INCIDENT_LIMIT }),
    ]);
    if (!signal.aborted) handlers.onSnapshot(fleet, incidents);
  }
}

function fleetRefresher(options: Pick<LiveFeedOptions, 'client' | 'signal' | 'onFleet' | 'refreshDelayMs'>) {
  let timer: NodeJS.Timeout | undefined;
  return {
    soon() {
      timer ??= setTimeout(() => {
        timer = undefined;
        options.client.fleetStatus().then(
          (fleet) => {
            if (!options.signal.aborted) options.onFleet(fleet);
          },
          // A failed refresh leaves the last figures; the stream's own failure reports the outage.
          () => undefined,
        );
      }, options.refreshDelayMs ?? 300);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}
