// The audit log in the store: append-only rows, hash-chained.
import type { AuditEntry } from '../../core/model.js';

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
  appendAudit(row: AuditRow): Promise<void>;
}
