// The audit log's hash chain: each row's hash covers its own fields and the
// previous row's hash, so editing, deleting or reordering rows breaks it.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../core/model.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = Omit<AuditEntry, 'prevHash' | 'hash'>;

export function auditHash(prevHash: string, fields: AuditFields): string {
  const { seq, at, actor, channel, action, target, detail } = fields;
  const body = canonicalJson({ seq, at, actor: { id: actor.id, name: actor.name }, channel, action, target, detail });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** The row that follows `previous` in the chain (or starts it). */
export function chainRow(previous: { seq: number; hash: string } | undefined, fields: Omit<AuditFields, 'seq'>): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const withSeq = { ...fields, seq };
  return { ...withSeq, prevHash, hash: auditHash(prevHash, withSeq) };
}

/**
 * Walks the rows in seq order and reports the first one that breaks the
 * chain. `head` is the last seq/hash recorded when the newest row was
 * written; it catches rows cut from the end, which leave no gap.
 */
export function verifyChain(rows: readonly AuditEntry[], head?: { seq: number; hash: string }): AuditVerification {
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  const broken = (seq: number, reason: string): AuditVerification => ({
    ok: false,
    checked: seq - 1,
    firstBroken: { seq, reason },
  });
  for (const row of rows) {
    const expectedSeq = previous.seq + 1;
    if (row.seq > expectedSeq) {
      return broken(expectedSeq, `row ${expectedSeq} is missing (next row is ${row.seq}): rows were deleted`);
    }
    if (row.seq < expectedSeq) return broken(row.seq, `row ${row.seq} is out of order`);
    if (row.prevHash !== previous.hash) {
      return broken(row.seq, `row ${row.seq} does not follow row ${previous.seq}: rows were reordered or replaced`);
    }
    if (auditHash(row.prevHash, row) !== row.hash) {
      return broken(row.seq, `row ${row.seq} was changed after it was written: its hash does not match its content`);
    }
    previous = row;
  }
  if (head && head.seq > previous.seq) {
    return broken(previous.seq + 1, `rows ${previous.seq + 1}–${head.seq} are missing from the end of the log`);
  }
  if (head && head.seq === previous.seq && head.hash !== previous.hash) {
    return broken(previous.seq, `row ${previous.seq} is not the row that was last written`);
  }
  return { ok: true, checked: rows.length, firstBroken: null };
}
