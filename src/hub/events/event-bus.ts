// Hub events (incident.created, …) fanned out to SSE clients. Shaped so a
// NATS JetStream subject can replace the in-memory bus: publish is
// fire-and-forget, subscribers resume from an event id.
import type { HubEvent, HubEventType } from '../../core/model.js';

export type EventListener = (event: HubEvent) => void;

export interface Subscription {
  unsubscribe(): void;
}

export interface SubscribeOptions {
  /** Replay the retained events after this id before the live ones. */
  sinceId?: number | undefined;
}

export interface EventBus {
  publish(type: HubEventType, data: unknown): HubEvent;
  subscribe(listener: EventListener, options?: SubscribeOptions): Subscription;
  readonly subscriberCount: number;
  close(): void;
}
