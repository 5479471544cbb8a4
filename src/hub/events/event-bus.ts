// Hub events (incident.created, …) fanned out to the hub's subscribers: SSE
// clients, automatic remediation. Shaped so a NATS JetStream subject can
// replace the in-memory bus: only the outbox relay publishes, and it
// publishes committed events that already carry their ids; a subscriber
// resumes from the id it last saw.
import type { HubEvent } from '../../core/model.js';

export type EventListener = (event: HubEvent) => void;

/** Takes what one publish hands it as one array, in id order: an SSE stream writes it as one frame. */
export type BatchListener = (events: readonly HubEvent[]) => void;

export interface Subscription {
  unsubscribe(): void;
}

export interface SubscribeOptions {
  /** Replay the retained events after this id before the live ones. */
  sinceId?: number | undefined;
  /**
   * Undefined while the subscriber keeps up; else a promise that resolves once
   * it has passed on what it was handed. A replay waits for it, so a slow
   * client is paced rather than flooded.
   */
  drained?: () => Promise<void> | undefined;
}

/** Where committed events can be read back (the outbox), for a subscriber resuming from further back than memory holds. */
export interface EventHistory {
  listEventsAfter(afterId: number, limit: number): Promise<HubEvent[]>;
}

export interface EventBus {
  /** The relay's: hands committed events, in id order, to every subscriber. */
  publish(events: readonly HubEvent[]): void;
  subscribe(listener: EventListener, options?: SubscribeOptions): Subscription;
  /** As subscribe, but each publish (or each replayed event) arrives as one call. */
  subscribeBatches(listener: BatchListener, options?: SubscribeOptions): Subscription;
  /**
   * Calls `observer` with each publish's fan-out time, in milliseconds: from
   * the publish until every live subscriber was handed it (a stream's write to
   * its socket), the pacing of its writes included.
   */
  observeFanout(observer: (ms: number) => void): void;
  readonly subscriberCount: number;
  close(): void;
}
