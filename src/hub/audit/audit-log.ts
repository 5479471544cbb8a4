// Checking the audit log through the store. Appends are the store's own
// (StoreWriter.appendAudit, inside the caller's transaction, next to the
// change they record); verification walks the chain with the pure
// functions of chain.ts, then holds the rows to the signed checkpoints kept
// outside the database: the hub's own file and any the caller sends.
import type { AuditCheckpoint, AuditCheckpointFailure, AuditVerification } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import { verifyChain } from './chain.js';
import type { OwnCheckpoints } from './checkpointer.js';
import { verifyCheckpoints, type LocatedCheckpoint } from './verify-checkpoints.js';

export interface CheckpointsToVerify {
  /** The hub's signing key: checkpoints signed by any other are refused. */
  fingerprint: string;
  own: OwnCheckpoints;
  given: readonly AuditCheckpoint[];
}

export async function verifyAuditLog(store: StoreReader, checkpoints?: CheckpointsToVerify): Promise<AuditVerification> {
  const [rows, head] = await Promise.all([store.readAuditLog(), store.getAuditHead()]);
  const chain = verifyChain(rows, head);
  if (!checkpoints) return chain;
  const given: LocatedCheckpoint[] = checkpoints.given.map((checkpoint, index) => ({ line: index + 1, checkpoint, source: 'given', index, file: null }));
  // The caller's copies first: of two failing alike, the one named is the copy the auditor kept, not the hub's own.
  const verdict = verifyCheckpoints(rows, [...given, ...checkpoints.own.lines], checkpoints.fingerprint);
  // A file this hub wrote and that is now gone fails the check, unless a checkpoint says more.
  const missing: AuditCheckpointFailure | null = checkpoints.own.missing
    ? { seq: null, at: null, reason: `the hub's checkpoint file ${checkpoints.own.file} is missing`, source: 'hub', index: null, file: checkpoints.own.file, line: null }
    : null;
  const bad = verdict.bad ?? missing;
  return {
    ok: chain.ok && bad === null,
    checked: chain.checked,
    firstBroken: chain.firstBroken ?? verdict.firstBroken,
    checkpoints: { checked: verdict.checked, failed: verdict.failed + (missing ? 1 : 0), latest: verdict.latest },
    badCheckpoint: bad,
    keyFingerprint: checkpoints.fingerprint,
  };
}
