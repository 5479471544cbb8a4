// The hub's audit anchoring, put together for startHub in two steps: the key
// and the files first (before the store opens, so a bad key file stops the
// start having touched nothing), then the checkpointer over the hub's store
// and event outbox.
import { dirname, basename, extname, join } from 'node:path';
import type { HubContext } from '../context.js';
import { transact } from '../transact.js';
import { loadAuditKey, type AuditSigner } from './audit-key.js';
import { createCheckpointer, type AuditCheckpointer } from './checkpointer.js';

export interface AuditFileOptions {
  dataFile: string;
  /** The Ed25519 private key (PKCS#8 PEM); default <data file's name>.audit-key.pem beside it, created if missing. */
  auditKeyFile?: string | undefined;
  /** Where checkpoints are appended; default <data file's name>.audit-checkpoints.jsonl beside it. */
  auditCheckpointsFile?: string | undefined;
  /** How often to sign while the head moves (tests shorten them). */
  auditCheckpointEvery?: { rows?: number; ms?: number; pollMs?: number } | undefined;
}

export interface AuditSigning {
  signer: AuditSigner;
  checkpointsFile: string;
  every: AuditFileOptions['auditCheckpointEvery'];
}

/** hub.sqlite → hub.audit-key.pem and hub.audit-checkpoints.jsonl, in the same directory. */
export function auditFilesBeside(dataFile: string): { keyFile: string; checkpointsFile: string } {
  const stem = join(dirname(dataFile), basename(dataFile, extname(dataFile)));
  return { keyFile: `${stem}.audit-key.pem`, checkpointsFile: `${stem}.audit-checkpoints.jsonl` };
}

export function openAuditSigning(options: AuditFileOptions, log: (line: string) => void): AuditSigning {
  const beside = auditFilesBeside(options.dataFile);
  const signer = loadAuditKey(options.auditKeyFile ?? beside.keyFile, { create: options.auditKeyFile === undefined, log });
  return { signer, checkpointsFile: options.auditCheckpointsFile ?? beside.checkpointsFile, every: options.auditCheckpointEvery };
}

export function hubCheckpointer(signing: AuditSigning, ctx: Pick<HubContext, 'store' | 'relay' | 'now' | 'log'>): AuditCheckpointer {
  return createCheckpointer({
    signer: signing.signer,
    file: signing.checkpointsFile,
    store: ctx.store,
    now: ctx.now,
    log: ctx.log,
    publish: (checkpoint) => transact(ctx, async (_tx, emit) => emit('audit.checkpoint', checkpoint)),
    ...(signing.every?.rows ? { everyRows: signing.every.rows } : {}),
    ...(signing.every?.ms ? { everyMs: signing.every.ms } : {}),
    ...(signing.every?.pollMs ? { pollMs: signing.every.pollMs } : {}),
  });
}
