// The hub's event stream (GET /v1/events).
import type { HubEventType } from '../vocabulary.js';

// Events on GET /v1/events (server-sent events); `id` is monotonically
// increasing so a client can resume with Last-Event-ID.
export interface HubEvent<T = unknown> {
  id: number;
  type: HubEventType;
  at: string;
  data: T;
}
