// A checkpoint is the chain's head signed with the hub's key: the seq and
// hash of the last row, when, why, and which key. Kept outside the database,
// it pins every row up to that seq — a rewritten, shortened or emptied log no
// longer hashes to it — and a checkpoint cannot be forged without the key.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
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

type KeyCheck = { key: KeyObject; problem?: undefined } | { problem: string };

function readPublicKey(publicKey: string, fingerprint: string, trustedFingerprint: string): KeyCheck {
  let der: Buffer;
  let key: KeyObject;
  try {
    der = Buffer.from(publicKey, 'base64');
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return { problem: 'its public key cannot be read' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { problem: 'its public key is not an Ed25519 key' };
  if (fingerprintOf(der) !== fingerprint) return { problem: 'its public key does not match the fingerprint it names' };
  if (fingerprint !== trustedFingerprint) return { problem: `it is signed by another key (${fingerprint}), not this hub's (${trustedFingerprint})` };
  return { key };
}

/**
 * A check of checkpoints against the key with `trustedFingerprint` (the
 * hub's): it returns why one cannot be trusted, or undefined when it is sound.
 * A checkpoint carries its own public key, so checking the signature alone
 * would accept one made with any key: the fingerprint is what ties it to this
 * hub. Each public key is read once however many checkpoints carry it — a
 * year's checkpoints all carry the same one — and each checkpoint is checked
 * once however many copies hold it (the hub's file and an auditor's repeat
 * each other).
 */
export function checkpointSignatureChecker(trustedFingerprint: string): (c: AuditCheckpoint) => string | undefined {
  const keys = new Map<string, KeyCheck>();
  const seen = new Map<string, string | undefined>();
  return (c) => {
    const whole = `${c.signature} ${c.seq} ${c.hash} ${c.at} ${c.reason} ${c.keyFingerprint} ${c.publicKey}`;
    if (seen.has(whole)) return seen.get(whole);
    const id = `${c.publicKey} ${c.keyFingerprint}`;
    let check = keys.get(id);
    if (!check) keys.set(id, (check = readPublicKey(c.publicKey, c.keyFingerprint, trustedFingerprint)));
    const problem =
      check.problem ??
      (verify(null, signedBytes(c), check.key, Buffer.from(c.signature, 'base64')) ? undefined : 'its signature does not verify: it was altered or forged');
    seen.set(whole, problem);
    return problem;
  };
}
