// Work orders for technicians, opened when nothing more can be done remotely.
import { z } from 'zod';
import { ActorRef } from './actors.js';
import { DiagAction, Finding } from './diagnostics.js';
import { DispatchPriority, DispatchState } from './vocabulary-schemas.js';

/** A work order for a technician: what was found and what was already tried remotely. */
export const Dispatch = z.object({
  id: z.string(), // DSP-000001
  incidentId: z.string(),
  siteId: z.string().nullable(),
  assetId: z.string(),
  findings: z.array(Finding),
  actionsTried: z.array(DiagAction),
  partsLikely: z.array(z.string()),
  priority: DispatchPriority,
  state: DispatchState,
  createdAt: z.string(),
  createdBy: ActorRef,
  closedAt: z.string().nullable(),
  closedBy: ActorRef.nullable(),
  note: z.string().nullable(),
});
export type Dispatch = z.infer<typeof Dispatch>;

export const DispatchesQuery = z.object({ state: DispatchState.optional(), site: z.string().trim().min(1).max(100).optional() }).strict();
export type DispatchesQuery = z.infer<typeof DispatchesQuery>;

export const CloseDispatchInput = z.object({ note: z.string().trim().min(1).max(10_000) }).strict();
export type CloseDispatchInput = z.infer<typeof CloseDispatchInput>;
