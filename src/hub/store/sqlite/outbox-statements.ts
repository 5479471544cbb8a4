// The SQLite statements of the event outbox (hub_events, migration 6). Ids
// are rowids, one past the largest: pruning keeps the newest row, so they never go back.
import type { HubEvent, HubEventType } from '../../../core/model.js';
import type { NewHubEvent, OutboxReader, OutboxWriter } from '../outbox-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface EventRow {
  id: number;
  type: string;
  at: string;
  data: string;
}

const eventFromRow = (r: EventRow): HubEvent => ({ id: r.id, type: r.type as HubEventType, at: r.at, data: JSON.parse(r.data) as unknown });

export function outboxStatements(sql: Prepare): Synchronous<OutboxReader & OutboxWriter> {
  return {
    listEventsAfter(afterId: number, limit: number): HubEvent[] {
      return (sql('SELECT id, type, at, data FROM hub_events WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as EventRow[]).map(eventFromRow);
    },

    lastEventId(): number {
      return (sql('SELECT max(id) FROM hub_events').pluck().get() as number | null) ?? 0;
    },

    appendEvents(events: readonly NewHubEvent[]): HubEvent[] {
      const insert = sql('INSERT INTO hub_events (type, at, data) VALUES (?, ?, ?)');
      return events.map((e) => ({ id: Number(insert.run(e.type, e.at, JSON.stringify(e.data ?? null)).lastInsertRowid), type: e.type, at: e.at, data: e.data }));
    },

    pruneEvents(keepLast: number, olderThan: string): number {
      // Both limits are id ranges: events are written in time order, so the
      // old ones are the lowest ids. The newest row always stays, since the
      // next id is one past it.
      const newest = (sql('SELECT max(id) FROM hub_events').pluck().get() as number | null) ?? 0;
      if (newest === 0) return 0;
      const firstRecent = (sql('SELECT id FROM hub_events WHERE at >= ? ORDER BY id LIMIT 1').pluck().get(olderThan) as number | undefined) ?? newest + 1;
      const keepFrom = Math.min(newest, Math.max(firstRecent, newest - keepLast + 1));
      return sql('DELETE FROM hub_events WHERE id < ?').run(keepFrom).changes;
    },
  };
}
