// The hash-chained audit log's entries and what verifying it found.
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

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.string() })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
