// The embedded event bus: listeners in this process and a ring buffer of the
// most recent events so a reconnecting client misses nothing recent.
import type { HubEvent, HubEventType } from '../../core/model.js';
import type { EventBus, EventListener, SubscribeOptions, Subscription } from './event-bus.js';

export interface MemoryEventBusOptions {
  capacity?: number;
  now?: () => Date;
  /** A listener that throws must not stop the others. */
  onListenerError?: (error: unknown) => void;
}

export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus {
  const capacity = options.capacity ?? 10_000;
  const now = options.now ?? (() => new Date());
  const ring: HubEvent[] = [];
  let start = 0; // index of the oldest event in `ring` once it is full
  let lastId = 0;
  const listeners = new Set<EventListener>();

  const retained = function* (): Generator<HubEvent> {
    for (let i = 0; i < ring.length; i++) yield ring[(start + i) % ring.length]!;
  };

  const deliver = (listener: EventListener, event: HubEvent) => {
    try {
      listener(event);
    } catch (e) {
      options.onListenerError?.(e);
    }
  };

  return {
    publish(type: HubEventType, data: unknown): HubEvent {
      const event: HubEvent = { id: ++lastId, type, at: now().toISOString(), data };
      if (ring.length < capacity) ring.push(event);
      else {
        ring[start] = event;
        start = (start + 1) % capacity;
      }
      for (const l of [...listeners]) deliver(l, event);
      return event;
    },

    subscribe(listener: EventListener, subscribeOptions: SubscribeOptions = {}): Subscription {
      const { sinceId } = subscribeOptions;
      if (sinceId !== undefined) {
        // An id from before a restart is larger than anything retained now:
        // replay everything rather than nothing.
        const from = sinceId > lastId ? 0 : sinceId;
        for (const event of retained()) if (event.id > from) deliver(listener, event);
      }
      listeners.add(listener);
      return { unsubscribe: () => listeners.delete(listener) };
    },

    get subscriberCount() {
      return listeners.size;
    },

    close() {
      listeners.clear();
    },
  };
}
