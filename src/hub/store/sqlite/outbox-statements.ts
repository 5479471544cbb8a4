// The SQLite statements of the event outbox (hub_events, migration 6). Ids
// are AUTOINCREMENT so they never go back, even when pruning empties the table.
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
      return (sql("SELECT seq FROM sqlite_sequence WHERE name = 'hub_events'").pluck().get() as number | undefined) ?? 0;
    },

    appendEvents(events: readonly NewHubEvent[]): HubEvent[] {
      const insert = sql('INSERT INTO hub_events (type, at, data) VALUES (?, ?, ?)');
      return events.map((e) => ({ id: Number(insert.run(e.type, e.at, JSON.stringify(e.data ?? null)).lastInsertRowid), type: e.type, at: e.at, data: e.data }));
    },

    pruneEvents(keepLast: number, olderThan: string): number {
      // Both are id ranges: events are written in time order, so the old ones are the lowest ids.
      const byCount = sql('DELETE FROM hub_events WHERE id <= (SELECT max(id) FROM hub_events) - ?').run(keepLast).changes;
      const firstKept = sql('SELECT id FROM hub_events WHERE at >= ? ORDER BY id LIMIT 1').pluck().get(olderThan) as number | undefined;
      const byAge =
        firstKept === undefined
          ? sql('DELETE FROM hub_events').run().changes
          : sql('DELETE FROM hub_events WHERE id < ?').run(firstKept).changes;
      return byCount + byAge;
    },
  };
}
