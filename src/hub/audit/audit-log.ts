// Appending to and checking the audit log through the store. Appends happen
// inside the caller's transaction, next to the change they record.
import type { ActorRef, AuditEntry, AuditVerification, Channel } from '../../core/model.js';
import type { StoreReader, StoreWriter } from '../store/store.js';
import { chainRow, verifyChain } from './chain.js';

export interface AuditRecord {
  at: string;
  actor: ActorRef;
  channel: Channel;
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
}

export async function appendAudit(tx: StoreWriter, record: AuditRecord): Promise<AuditEntry> {
  const row = chainRow(await tx.getAuditHead(), { ...record, detail: record.detail ?? {} });
  await tx.appendAudit(row);
  return row;
}

export async function verifyAuditLog(store: StoreReader): Promise<AuditVerification> {
  const [rows, head] = await Promise.all([store.readAuditLog(), store.getAuditHead()]);
  return verifyChain(rows, head);
}
