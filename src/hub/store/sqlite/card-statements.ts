// The SQLite statements of chat cards (chat messages that show an incident).
import type { ChatCard } from '../../../core/model.js';
import type { CardReader, CardWriter, ChatCardQuery } from '../card-store.js';
import type { Prepare, Synchronous } from './prepare.js';

interface ChatCardRow {
  incident_id: string;
  target: string;
  message_ref: string | null;
  claimed_by: string;
  claimed_at: string;
  updated_at: string;
  generation: number;
  lease_expires_at: string | null;
  first_claimed_at: string;
  holder_token: string | null;
}

const cardFromRow = (r: ChatCardRow): ChatCard => ({
  incidentId: r.incident_id,
  target: r.target,
  messageRef: r.message_ref,
  claimedBy: r.claimed_by,
  claimedAt: r.claimed_at,
  updatedAt: r.updated_at,
  generation: r.generation,
  leaseExpiresAt: r.lease_expires_at,
  firstClaimedAt: r.first_claimed_at,
  holderTokenId: r.holder_token,
});

export function cardStatements(sql: Prepare): Synchronous<CardReader & CardWriter> {
  return {
    listChatCards(query: ChatCardQuery = {}): ChatCard[] {
      const rows = sql(
        `SELECT * FROM chat_cards
          WHERE (@incident IS NULL OR incident_id = @incident) AND (@target IS NULL OR target = @target)
          ORDER BY claimed_at, incident_id, target`,
      ).all({ incident: query.incidentId ?? null, target: query.target ?? null }) as ChatCardRow[];
      return rows.map(cardFromRow);
    },

    getChatCard(incidentId: string, target: string): ChatCard | undefined {
      const row = sql('SELECT * FROM chat_cards WHERE incident_id = ? AND target = ?').get(incidentId, target) as ChatCardRow | undefined;
      return row && cardFromRow(row);
    },

    putChatCard(card: ChatCard): void {
      sql(
        `INSERT INTO chat_cards (incident_id, target, message_ref, claimed_by, claimed_at, updated_at,
                                 generation, lease_expires_at, first_claimed_at, holder_token)
         VALUES (@incidentId, @target, @messageRef, @claimedBy, @claimedAt, @updatedAt,
                 @generation, @leaseExpiresAt, @firstClaimedAt, @holderTokenId)
         ON CONFLICT(incident_id, target) DO UPDATE SET message_ref = excluded.message_ref,
           claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at, updated_at = excluded.updated_at,
           generation = excluded.generation, lease_expires_at = excluded.lease_expires_at,
           first_claimed_at = excluded.first_claimed_at, holder_token = excluded.holder_token`,
      ).run(card);
    },
  };
}
