// The SQLite statements of shift handovers.
import type { ActorRef, Channel, Handover, HandoverContent, HandoverSummary } from '../../../core/model.js';
import type { HandoverReader, HandoverWriter, NewHandover } from '../handover-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface HandoverRow {
  id: string;
  issued_at: string;
  issued_by: string;
  issued_channel: Channel;
  shift_from: string;
  shift_until: string;
  content: string;
  hash: string;
  open_items: number;
  carried_over: number;
  accepted_at: string | null;
  accepted_by: string | null;
  accepted_channel: Channel | null;
}

const DEFAULT_LIST_LIMIT = 100;
const SUMMARY_COLUMNS = 'id, issued_at, issued_by, shift_from, shift_until, hash, open_items, carried_over, accepted_at, accepted_by';

const actorOf = (json: string | null): ActorRef | null => (json === null ? null : (JSON.parse(json) as ActorRef));

const handoverOf = (r: HandoverRow): Handover => ({
  id: r.id,
  issuedAt: r.issued_at,
  issuedBy: actorOf(r.issued_by)!,
  issuedChannel: r.issued_channel,
  hash: r.hash,
  content: JSON.parse(r.content) as HandoverContent,
  acceptedAt: r.accepted_at,
  acceptedBy: actorOf(r.accepted_by),
  acceptedChannel: r.accepted_channel,
});

const summaryOf = (r: Omit<HandoverRow, 'content' | 'issued_channel' | 'accepted_channel'>): HandoverSummary => ({
  id: r.id,
  issuedAt: r.issued_at,
  issuedBy: actorOf(r.issued_by)!,
  shift: { from: r.shift_from, until: r.shift_until },
  hash: r.hash,
  openItems: r.open_items,
  carriedOver: r.carried_over,
  acceptedAt: r.accepted_at,
  acceptedBy: actorOf(r.accepted_by),
});

export function handoverStatements(sql: Prepare): Synchronous<HandoverReader & HandoverWriter> {
  const getHandover = (id: string): Handover | undefined => {
    const row = sql('SELECT * FROM handovers WHERE id = ? COLLATE NOCASE').get(id) as HandoverRow | undefined;
    return row && handoverOf(row);
  };
  return {
    getHandover,
    latestHandover(): Handover | undefined {
      const row = sql('SELECT * FROM handovers ORDER BY seq DESC LIMIT 1').get() as HandoverRow | undefined;
      return row && handoverOf(row);
    },
    listHandovers(limit = DEFAULT_LIST_LIMIT): HandoverSummary[] {
      return (sql(`SELECT ${SUMMARY_COLUMNS} FROM handovers ORDER BY seq DESC LIMIT ?`).all(limit) as HandoverRow[]).map(summaryOf);
    },
    insertHandover(h: NewHandover): Handover {
      const seq = sql('SELECT coalesce(max(seq), 0) + 1 FROM handovers').pluck().get() as number;
      const id = `HO-${String(seq).padStart(6, '0')}`;
      sql(
        `INSERT INTO handovers (seq, id, issued_at, issued_by, issued_channel, shift_from, shift_until, content, hash, open_items, carried_over)
         VALUES (@seq, @id, @issuedAt, @issuedBy, @channel, @from, @until, @content, @hash, @open, @carried)`,
      ).run({
        seq,
        id,
        issuedAt: h.issuedAt,
        issuedBy: JSON.stringify(h.issuedBy),
        channel: h.issuedChannel,
        from: h.content.shift.from,
        until: h.content.shift.until,
        content: JSON.stringify(h.content),
        hash: h.hash,
        open: h.content.openItems.length,
        carried: h.content.carriedOver.length,
      });
      return getHandover(id)!;
    },
    acceptHandover(id: string, at: string, by: ActorRef, channel: Channel): boolean {
      const changed = sql(
        'UPDATE handovers SET accepted_at = ?, accepted_by = ?, accepted_channel = ? WHERE id = ? COLLATE NOCASE AND accepted_at IS NULL',
      ).run(at, JSON.stringify(by), channel, id).changes;
      return changed === 1;
    },
  };
}
