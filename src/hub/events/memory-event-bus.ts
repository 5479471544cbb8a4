// The embedded event bus: listeners in this process, a ring buffer of the
// most recent events so a reconnecting client resumes from memory, and the
// outbox behind it for a client that was away longer (or across a restart).
import type { HubEvent } from '../../core/model.js';
import type { EventBus, EventHistory, EventListener, SubscribeOptions, Subscription } from './event-bus.js';

export interface MemoryEventBusOptions {
  capacity?: number;
  /** Where a subscriber resuming from before the ring's oldest event reads what it missed; without one, the ring is all there is. */
  history?: EventHistory;
  /** The last id committed before this bus started (the outbox's), so an id from before a restart is told from one of another data file. */
  lastId?: number;
  /** A listener that throws must not stop the others; nor may a failed read of the history. */
  onListenerError?: (error: unknown) => void;
}

// A replay from the history is read this many events at a time, so the
// client's socket can drain between pages.
const HISTORY_PAGE = 1_000;

interface Subscriber {
  listener: EventListener;
  /** Live events held back while the history is replayed; null once caught up. */
  backlog: HubEvent[] | null;
  active: boolean;
}

export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus {
  const capacity = options.capacity ?? 10_000;
  const ring: HubEvent[] = [];
  let start = 0; // index of the oldest event in `ring` once it is full
  let lastId = options.lastId ?? 0;
  const subscribers = new Set<Subscriber>();

  const retained = function* (): Generator<HubEvent> {
    for (let i = 0; i < ring.length; i++) yield ring[(start + i) % ring.length]!;
  };
  const oldestRetainedId = () => (ring.length ? ring[start]!.id : lastId + 1);

  const deliver = (listener: EventListener, event: HubEvent) => {
    try {
      listener(event);
    } catch (e) {
      options.onListenerError?.(e);
    }
  };

  /** Replays the history after `from`, then the live events held back meanwhile. */
  const catchUp = async (sub: Subscriber, history: EventHistory, from: number) => {
    let after = from;
    try {
      for (;;) {
        const page = await history.listEventsAfter(after, HISTORY_PAGE);
        for (const event of page) {
          if (!sub.active) return;
          deliver(sub.listener, event);
          after = event.id;
        }
        const firstHeld = sub.backlog?.[0]?.id;
        if (page.length < HISTORY_PAGE || (firstHeld !== undefined && after >= firstHeld - 1)) break;
      }
    } catch (e) {
      options.onListenerError?.(e);
    }
    const held = sub.backlog ?? [];
    sub.backlog = null;
    for (const event of held) {
      if (!sub.active) return;
      if (event.id > after) deliver(sub.listener, event);
    }
  };

  return {
    publish(events: readonly HubEvent[]): void {
      for (const event of events) {
        lastId = Math.max(lastId, event.id);
        if (ring.length < capacity) ring.push(event);
        else {
          ring[start] = event;
          start = (start + 1) % capacity;
        }
        for (const sub of [...subscribers]) {
          if (sub.backlog) sub.backlog.push(event);
          else deliver(sub.listener, event);
        }
      }
    },

    subscribe(listener: EventListener, subscribeOptions: SubscribeOptions = {}): Subscription {
      const sub: Subscriber = { listener, backlog: null, active: true };
      const unsubscribe = () => {
        sub.active = false;
        subscribers.delete(sub);
      };
      const { sinceId } = subscribeOptions;
      if (sinceId !== undefined) {
        // An id ahead of every event this hub has committed comes from another
        // data file: replay what memory holds rather than nothing.
        const from = sinceId > lastId ? Math.max(0, lastId - capacity) : sinceId;
        if (options.history && from < oldestRetainedId() - 1) {
          sub.backlog = [];
          void catchUp(sub, options.history, from);
        } else {
          for (const event of retained()) if (event.id > from) deliver(listener, event);
        }
      }
      subscribers.add(sub);
      return { unsubscribe };
    },

    get subscriberCount() {
      return subscribers.size;
    },

    close() {
      for (const sub of subscribers) sub.active = false;
      subscribers.clear();
    },
  };
}
