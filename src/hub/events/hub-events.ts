// The hub's events, put together once at start: the outbox's last id, the
// in-process bus that resumes from the outbox, and the relay that publishes
// committed events to it.
import type { Store } from '../store/store.js';
import type { EventBus } from './event-bus.js';
import { createMemoryEventBus } from './memory-event-bus.js';
import { startOutboxRelay, type EventRelay, type OutboxRelayOptions } from './outbox-relay.js';

export interface HubEvents {
  bus: EventBus;
  relay: EventRelay;
  close(): Promise<void>;
}

export type HubEventsOptions = Omit<OutboxRelayOptions, 'store' | 'bus' | 'after'> & {
  onListenerError?: (error: unknown) => void;
};

export async function openHubEvents(store: Store, options: HubEventsOptions = {}): Promise<HubEvents> {
  const { onListenerError, ...relayOptions } = options;
  const after = await store.lastEventId();
  const bus = createMemoryEventBus({ history: store, lastId: after, ...(onListenerError ? { onListenerError } : {}) });
  const relay = startOutboxRelay({ ...relayOptions, store, bus, after });
  await relay.prune();
  return {
    bus,
    relay,
    async close() {
      await relay.close();
      bus.close();
    },
  };
}
