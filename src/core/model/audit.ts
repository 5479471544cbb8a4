// The hash-chained audit log's entries, what verifying it found, and the
// signed checkpoints of its head that anchor it outside the hub's database.
import { z } from 'zod';
import { ActorRef } from './actors.js';
import { Channel } from './vocabulary-schemas.js';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: ActorRef,
  channel: Channel,
  action: z.string(), // e.g. incident.ack, token.create
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

// Why the hub signed a checkpoint: at start, as the head moved, at shutdown,
// when asked (GET /v1/audit/checkpoint), or at a start that found its
// checkpoint file gone (what it held before is then only where it was copied).
export const CHECKPOINT_REASONS = ['start', 'periodic', 'shutdown', 'request', 'file-missing'] as const;
export const CheckpointReason = z.enum(CHECKPOINT_REASONS);
export type CheckpointReason = z.infer<typeof CheckpointReason>;

/**
 * The chain's head as the hub saw it at `at`, signed with the hub's Ed25519
 * key. `publicKey` (base64 SPKI DER) lets anyone check the signature without
 * the private key; `keyFingerprint` (SHA256:… of that DER) is what an auditor
 * compares with the one they keep.
 */
export const AuditCheckpoint = z
  .object({
    seq: z.number().int().nonnegative(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string().max(64),
    reason: CheckpointReason,
    keyFingerprint: z.string().max(128),
    publicKey: z.string().max(512),
    signature: z.string().max(512),
  })
  .strict();
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

/** The first checkpoint that failed, and where it came from. */
export const AuditCheckpointFailure = z.object({
  /** What the checkpoint claims (null when its line is not a checkpoint at all). */
  seq: z.number().int().nullable(),
  at: z.string().nullable(),
  reason: z.string(),
  /** `hub`: the hub's own checkpoint file; `given`: sent with the request (`audit verify --checkpoint`). */
  source: z.enum(['hub', 'given']),
  /** Its position among the checkpoints sent (given), else null. */
  index: z.number().int().nullable(),
  /** The file and line it was read from, when known (the hub's file; the CLI fills in its own). */
  file: z.string().nullable(),
  line: z.number().int().nullable(),
});
export type AuditCheckpointFailure = z.infer<typeof AuditCheckpointFailure>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.string() })
    .nullable(),
  // Absent from hubs older than the checkpoints.
  checkpoints: z
    .object({
      checked: z.number().int(),
      failed: z.number().int(),
      /** The newest checkpoint that agrees with the log: rows after it are vouched for by the chain alone. */
      latest: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
    })
    .optional(),
  badCheckpoint: AuditCheckpointFailure.nullable().optional(),
  /** The hub's signing key, as checkpoints name it. */
  keyFingerprint: z.string().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
