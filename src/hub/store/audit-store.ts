// The audit log in the store: append-only rows, hash-chained. The store
// chains each row itself, from the head it reads in the same transaction as
// the append, so two writers can never both follow the same row.
import type { ActorRef, AuditEntry, Channel } from '../../core/model.js';

/** What a caller records; the store gives it its seq, prevHash and hash. */
export interface AuditRecord {
  at: string;
  actor: ActorRef;
  channel: Channel;
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditQuery {
  /** Entries after this sequence number. */
  afterSeq?: number | undefined;
  /** Entries at or after this ISO time. */
  since?: string | undefined;
  limit: number;
  /** Without a lower bound, take the newest `limit` (still returned oldest first). */
  newest?: boolean | undefined;
}

/** An audit row as the chain computes it (seq, prevHash and hash included). */
export type AuditRow = AuditEntry;

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditReader {
  /** Oldest first. */
  listAudit(query: AuditQuery): Promise<AuditRow[]>;
  /** The whole log in seq order, for verification. */
  readAuditLog(): Promise<AuditRow[]>;
  /** The last row's seq and hash as recorded when it was written (guards against cut tails). */
  getAuditHead(): Promise<AuditHead | undefined>;
}

export interface AuditWriter {
  /**
   * Appends `record` after the chain's head as this transaction sees it and
   * moves the head to the new row; returns the row as chained. A backend
   * with several writers must read the head under a lock held to commit
   * (PostgreSQL: the head row `SELECT … FOR UPDATE` in this transaction), so
   * a concurrent append waits for this one and chains after it.
   */
  appendAudit(record: AuditRecord): Promise<AuditRow>;
}
