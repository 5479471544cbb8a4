// Chat cards in the store: which bot posts an incident's card to a chat
// target, and the message it posted.
import type { ChatCard } from '../../core/model.js';

export interface ChatCardQuery {
  incidentId?: string | undefined;
  target?: string | undefined;
}

export interface CardReader {
  /** Oldest claim first. */
  listChatCards(query?: ChatCardQuery): Promise<ChatCard[]>;
  getChatCard(incidentId: string, target: string): Promise<ChatCard | undefined>;
}

export interface CardWriter {
  /** Insert or replace the card of (incidentId, target). */
  putChatCard(card: ChatCard): Promise<void>;
}
