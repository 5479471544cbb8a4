// The outbox relay: the one publisher of hub events. A transaction hands it
// the events it committed; when they are the next ids it publishes them on
// the next turn of the event loop (the fast path, no read back); otherwise
// (another hub's commits came first, or a hand-off arrived late) it reads the
// outbox from the last id it published. It also polls the outbox, so events committed by another hub
// over the same database, or by a process that died before publishing,
// still reach this hub's subscribers, and it prunes what retention no longer
// keeps. With NATS JetStream it would publish to the stream instead, keeping
// its position in the store and each row's id as the message id, so a relay
// restarted mid-batch publishes the rest without doubles.
import type { HubEvent } from '../../core/model.js';
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';

export interface EventRelay {
  /** After a commit: the events it wrote, with their outbox ids. */
  committed(events: readonly HubEvent[]): void;
  /** Publishes whatever the outbox holds beyond the last id published. */
  catchUp(): Promise<void>;
  /** Deletes the events retention no longer keeps; returns how many. */
  prune(): Promise<number>;
  close(): Promise<void>;
}

export interface OutboxRelayOptions {
  store: Store;
  bus: EventBus;
  /** The last id already in the outbox when the hub started: published before, or there for resuming clients. */
  after: number;
  /** How often the outbox is read for events this relay was not handed. Default 250 ms. */
  pollMs?: number;
  /** Events kept: at most this many… Default 50,000. */
  keepEvents?: number;
  /** …and none older than this. Default a day. */
  keepMs?: number;
  /** How often to prune. Default a minute. */
  pruneEveryMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

const PAGE = 1_000;

export function startOutboxRelay(options: OutboxRelayOptions): EventRelay {
  const { store, bus } = options;
  const now = options.now ?? (() => new Date());
  const keepEvents = options.keepEvents ?? 50_000;
  const keepMs = options.keepMs ?? 86_400_000;
  let published = options.after;
  let reading: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const publish = (events: readonly HubEvent[]) => {
    const fresh = events.filter((e) => e.id > published);
    if (fresh.length === 0) return;
    published = fresh.at(-1)!.id;
    bus.publish(fresh);
  };

  const readOutbox = async () => {
    for (;;) {
      const page = await store.listEventsAfter(published, PAGE);
      // Ids handed over while this page was read are already out: publish only the rest.
      publish(page);
      if (page.length < PAGE || closed) return;
    }
  };

  // One read at a time; a request during a read runs one more after it.
  const catchUp = (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      try {
        do {
          again = false;
          await readOutbox();
        } while (again && !closed);
      } catch (e) {
        if (!closed) options.log?.(`event relay: reading the outbox failed: ${String(e)}`);
      } finally {
        reading = undefined;
      }
    })();
    return reading;
  };

  const prune = () =>
    store.transaction((tx) => tx.pruneEvents(keepEvents, new Date(now().getTime() - keepMs).toISOString()));

  const poller = setInterval(() => void catchUp(), options.pollMs ?? 250);
  poller.unref();
  const pruner = setInterval(() => {
    prune().catch((e: unknown) => {
      if (!closed) options.log?.(`event relay: pruning the outbox failed: ${String(e)}`);
    });
  }, options.pruneEveryMs ?? 60_000);
  pruner.unref();

  // What commits handed over since the last publish. Published on the next
  // turn of the event loop, not inside the commit: the request that caused
  // the events is answered first, and the commits of one busy turn go out
  // together. How often the bus writes to the streams is the bus's to pace
  // (memory-event-bus.ts), by what its writes cost.
  let handed: HubEvent[] = [];
  let flushing: NodeJS.Immediate | undefined;
  const flush = () => {
    flushing = undefined;
    const events = handed;
    handed = [];
    if (closed) return;
    const first = events.find((e) => e.id > published);
    if (!first) return;
    if (first.id === published + 1) publish(events);
    else void catchUp();
  };

  return {
    committed(events) {
      if (events.length === 0 || closed) return;
      // Commits are serial, so what they hand over arrives in id order.
      handed = handed.length === 0 ? [...events] : handed.concat(events);
      flushing ??= setImmediate(flush);
    },
    catchUp,
    prune,
    async close() {
      closed = true;
      if (flushing) clearImmediate(flushing);
      clearInterval(poller);
      clearInterval(pruner);
      await reading;
    },
  };
}
