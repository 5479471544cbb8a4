// Shift handovers in the store: written once at issue, accepted once, never
// edited or deleted (the SQLite triggers of migration 24 hold that too).
import type { ActorRef, Channel, Handover, HandoverContent, HandoverSummary } from '../../core/model.js';

export interface NewHandover {
  issuedAt: string;
  issuedBy: ActorRef;
  issuedChannel: Channel;
  content: HandoverContent;
  hash: string;
}

export interface HandoverReader {
  getHandover(id: string): Promise<Handover | undefined>;
  /** The newest issued handover, accepted or not. */
  latestHandover(): Promise<Handover | undefined>;
  /** Newest first. */
  listHandovers(limit?: number): Promise<HandoverSummary[]>;
}

export interface HandoverWriter {
  /** Stores it with its id (HO-nnnnnn). */
  insertHandover(handover: NewHandover): Promise<Handover>;
  /** Records who took it over; false when someone already had. */
  acceptHandover(id: string, at: string, by: ActorRef, channel: Channel): Promise<boolean>;
}
