// The hub's certificate and key, read once at start: a missing or unreadable
// file stops the start with the flag to fix, not the first client's handshake.
import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { UsageError } from '../core/errors.js';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

function readPem(file: string, what: string, flag: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read the TLS ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      hint: `pass a PEM file with ${flag} FILE`,
      cause: e,
    });
  }
}

/** Both files, checked for what they claim to be; the pair's match is left to node:tls at listen. */
export function readTlsFiles(files: TlsFiles): TlsMaterial {
  const cert = readPem(files.certFile, 'certificate', '--tls-cert');
  const key = readPem(files.keyFile, 'key', '--tls-key');
  try {
    new X509Certificate(cert);
  } catch (e) {
    throw new UsageError(`${files.certFile} is not a PEM certificate`, { hint: 'pass the certificate (chain) with --tls-cert FILE', cause: e });
  }
  try {
    createPrivateKey(key);
  } catch (e) {
    throw new UsageError(`${files.keyFile} is not an unencrypted PEM private key`, { hint: 'pass the private key with --tls-key FILE', cause: e });
  }
  return { cert, key };
}
