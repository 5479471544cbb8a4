// Checking the audit log through the store. Appends are the store's own
// (StoreWriter.appendAudit, inside the caller's transaction, next to the
// change they record); verification walks the chain with the pure
// functions of chain.ts.
import type { AuditVerification } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { verifyChain } from './chain.js';

export async function verifyAuditLog(store: StoreReader): Promise<AuditVerification> {
  const [rows, head] = await Promise.all([store.readAuditLog(), store.getAuditHead()]);
  return verifyChain(rows, head);
}
