// The key the hub signs its audit checkpoints with. It lives in a file of its
// own, never in the database: someone who can rewrite the database (a copied
// backup, a restore, write access to the data file alone) cannot also sign a
// head that agrees with the rewrite. Someone with the hub's own account can
// read this file too; against them, what holds is the checkpoints kept
// elsewhere (an auditor's copy, the shipped hub log, a follower of the event
// stream), which they cannot reach.
//
// When hubs become replicas over PostgreSQL, the private key moves into a KMS
// (AWS KMS, Google Cloud KMS or Vault's transit engine all sign Ed25519): each
// replica asks it to sign the head and never holds the key, so no host can
// copy it, every signature is logged by the KMS, and rotating the key is the
// KMS's job. `AuditSigner` is the seam for that: a function that signs bytes.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';

export interface AuditSigner {
  /** base64 of the public key's SPKI DER, carried by every checkpoint. */
  readonly publicKey: string;
  /** `SHA256:` and the unpadded base64 of the SPKI DER's SHA-256, as ssh-keygen prints fingerprints. */
  readonly fingerprint: string;
  sign(data: Buffer): Buffer;
}

const OWNER_ONLY_MASK = 0o077;

export function fingerprintOf(spkiDer: Buffer): string {
  return `SHA256:${createHash('sha256').update(spkiDer).digest('base64').replace(/=+$/, '')}`;
}

export function signerFrom(privateKey: KeyObject): AuditSigner {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    publicKey: der.toString('base64'),
    fingerprint: fingerprintOf(der),
    // Ed25519 hashes internally: node:crypto takes `null` as the digest.
    sign: (data) => sign(null, data, privateKey),
  };
}

/** A new Ed25519 key, PKCS#8 PEM (as `openssl genpkey -algorithm ed25519` writes it). */
export function newAuditKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

const hintFor = (given: boolean) =>
  given
    ? 'pass a file only its owner can read (chmod 600), holding an Ed25519 private key (openssl genpkey -algorithm ed25519 -out FILE)'
    : 'make it readable by its owner only (chmod 600 FILE), or move it aside for the hub to create a new one (earlier checkpoints then no longer verify)';

/**
 * Reads the key, refusing a file anyone but its owner may read or write (a key
 * others can read signs for them too) or one that is not an Ed25519 private
 * key. `create`: make a new one (0600) when the file does not exist — the
 * default file beside the data file; a file named with --audit-key must exist,
 * so a mistyped path cannot start the hub on a key nobody keeps.
 */
export function loadAuditKey(file: string, options: { create: boolean; log?: (line: string) => void }): AuditSigner {
  const hint = hintFor(!options.create);
  if (options.create && createIfMissing(file)) options.log?.(`audit: created the signing key ${file} (keep it: checkpoints are signed with it)`);
  let mode: number;
  let pem: Buffer;
  try {
    mode = statSync(file).mode;
    if (process.platform !== 'win32' && (mode & OWNER_ONLY_MASK) !== 0) {
      throw new UsageError(`the audit key file ${file} is open to group or others (mode ${(mode & 0o777).toString(8).padStart(4, '0')})`, { hint });
    }
    pem = readFileSync(file);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read the audit key file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { hint, cause: e });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new UsageError(`${file} is not a private key the hub can read`, { hint, cause: e });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new UsageError(`${file} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; audit checkpoints are signed with Ed25519`, { hint });
  }
  return signerFrom(key);
}

/** True when this call wrote the file. */
function createIfMissing(file: string): boolean {
  try {
    // wx: of two hubs starting at once on one data directory, one writes the key and both read it.
    writeFileSync(file, newAuditKeyPem(), { mode: 0o600, flag: 'wx' });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new UsageError(`cannot create the audit key file ${file}: ${code ?? (e as Error).message}`, {
      hint: 'check the directory and its permissions, or pass a key with --audit-key FILE',
      cause: e,
    });
  }
}
