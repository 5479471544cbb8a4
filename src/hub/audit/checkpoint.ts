// A checkpoint is the chain's head signed with the hub's key: the seq and
// hash of the last row, when, why, and which key. Kept outside the database,
// it pins every row up to that seq — a rewritten, shortened or emptied log no
// longer hashes to it — and a checkpoint cannot be forged without the key.
import { createPublicKey, verify } from 'node:crypto';
import type { AuditCheckpoint, CheckpointReason } from '../../core/model.js';
import type { AuditSigner } from './audit-key.js';
import { fingerprintOf } from './audit-key.js';
import { canonicalJson } from './canonical-json.js';

// A prefix no other signed thing starts with, so a checkpoint's signature can
// never be passed off as the signature of something else, nor the reverse.
const DOMAIN = 'watchfloor audit checkpoint v1\n';

export interface ChainHead {
  seq: number;
  hash: string;
}

function signedBytes(c: Pick<AuditCheckpoint, 'seq' | 'hash' | 'at' | 'reason' | 'keyFingerprint'>): Buffer {
  const { seq, hash, at, reason, keyFingerprint } = c;
  return Buffer.from(DOMAIN + canonicalJson({ seq, hash, at, reason, keyFingerprint }), 'utf8');
}

export function signCheckpoint(signer: AuditSigner, head: ChainHead, at: Date, reason: CheckpointReason): AuditCheckpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString(), reason, keyFingerprint: signer.fingerprint };
  return { ...body, publicKey: signer.publicKey, signature: signer.sign(signedBytes(body)).toString('base64') };
}

/**
 * Why this checkpoint cannot be trusted, or undefined when it is sound and
 * signed by the key with `trustedFingerprint` (the hub's). A checkpoint
 * carries its own public key, so checking the signature alone would accept
 * one made with any key: the fingerprint is what ties it to this hub.
 */
export function checkpointSignatureProblem(c: AuditCheckpoint, trustedFingerprint: string): string | undefined {
  let der: Buffer;
  try {
    der = Buffer.from(c.publicKey, 'base64');
    if (createPublicKey({ key: der, format: 'der', type: 'spki' }).asymmetricKeyType !== 'ed25519') return 'its public key is not an Ed25519 key';
  } catch {
    return 'its public key cannot be read';
  }
  if (fingerprintOf(der) !== c.keyFingerprint) return 'its public key does not match the fingerprint it names';
  if (c.keyFingerprint !== trustedFingerprint) {
    return `it is signed by another key (${c.keyFingerprint}), not this hub's (${trustedFingerprint})`;
  }
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  const ok = verify(null, signedBytes(c), key, Buffer.from(c.signature, 'base64'));
  return ok ? undefined : 'its signature does not verify: it was altered or forged';
}

