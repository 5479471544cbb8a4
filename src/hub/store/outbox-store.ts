// The transactional outbox: hub events written in the same transaction as
// the change they announce, so a rolled-back change announces nothing and a
// committed one is never lost. Ids come from the table and only ever grow,
// across restarts too, so a client resumes from the id it last saw.
import type { HubEvent, HubEventType } from '../../core/model.js';

/** An event as emitted; the outbox gives it its id. */
export interface NewHubEvent {
  type: HubEventType;
  at: string;
  data: unknown;
}

export interface OutboxReader {
  /** Committed events after `afterId`, oldest first, at most `limit`. */
  listEventsAfter(afterId: number, limit: number): Promise<HubEvent[]>;
  /** The id of the newest event ever written (pruned or not); 0 before the first. */
  lastEventId(): Promise<number>;
}

export interface OutboxWriter {
  /**
   * Writes `events` in order; returns them with their ids, increasing. In
   * SQLite one writer at a time makes ids increase in commit order too; a
   * backend whose ids are drawn before commit (a PostgreSQL sequence) must
   * not let a reader pass an id still uncommitted: take the outbox lock
   * (`LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE`, or an advisory lock) for
   * the insert, or let the relay number events as it publishes them
   * (JetStream's stream sequence, with the row id as Nats-Msg-Id).
   */
  appendEvents(events: readonly NewHubEvent[]): Promise<HubEvent[]>;
  /** Deletes all but the newest `keepLast` events, and those before `olderThan`; returns how many went. */
  pruneEvents(keepLast: number, olderThan: string): Promise<number>;
}
