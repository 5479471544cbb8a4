// Remote diagnostics: what probes found, what actions did, how a run on one
// asset ended, and fleet sweeps.
import { z } from 'zod';
import { AssetKind, DiagVerdict, Health } from './vocabulary-schemas.js';

/**
 * What a probe showed is wrong. `remoteFix`: the catalog has a remote
 * remediation for it; `mitigated`: the service runs on in a degraded way and
 * nothing more can be done remotely (e.g. offline processing).
 */
export const Finding = z.object({
  code: z.string(), // card-reader-jam, management-unreachable, …
  text: z.string(),
  cause: z.enum(['software', 'hardware', 'field', 'upstream', 'management']),
  check: z.string().nullable(), // the device check behind it, if any
  detail: z.string().nullable(), // what the device said
  remoteFix: z.boolean(),
  mitigated: z.boolean(),
  partsLikely: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;

/** A remediation as tried (or planned) on a device. */
export const DiagAction = z.object({
  action: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  disruptive: z.boolean(),
  // done/failed/not_applicable: the device's answer; planned: dry run or no --fix;
  // forbidden: the caller's role is too low; error: no answer (unreachable, timeout, …).
  status: z.enum(['done', 'failed', 'not_applicable', 'planned', 'forbidden', 'error']),
  replayed: z.boolean(),
  idempotencyKey: z.string().nullable(),
  message: z.string().nullable(),
  verified: z.boolean().nullable(), // null until a verification probe ran after it
});
export type DiagAction = z.infer<typeof DiagAction>;

const DiagEventBase = { at: z.string(), assetId: z.string() };

/** One line of the NDJSON stream of POST /v1/diagnostics/runs. */
export const DiagEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('probe'),
    ...DiagEventBase,
    probe: z.enum(['health', 'metrics']),
    ok: z.boolean(),
    status: Health.nullable(), // the device's own summary (health probe)
    durationMs: z.number().nullable(),
    error: z.string().nullable(), // transport error code when !ok
  }),
  z.object({ type: z.literal('finding'), ...DiagEventBase, finding: Finding }),
  z.object({ type: z.literal('action'), ...DiagEventBase, action: DiagAction }),
  z.object({
    type: z.literal('verify'),
    ...DiagEventBase,
    action: z.string(),
    passed: z.boolean(),
    status: Health.nullable(),
    remaining: z.array(z.string()), // finding codes still present
  }),
  z.object({
    type: z.literal('verdict'),
    ...DiagEventBase,
    siteId: z.string().nullable(),
    kind: AssetKind,
    verdict: DiagVerdict,
    summary: z.string(),
    incidentId: z.string().nullable(),
    dispatchId: z.string().nullable(),
    findings: z.array(Finding),
    actions: z.array(DiagAction),
  }),
  z.object({
    type: z.literal('error'),
    at: z.string(),
    assetId: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  }),
]);
export type DiagEvent = z.infer<typeof DiagEvent>;
export type DiagVerdictEvent = Extract<DiagEvent, { type: 'verdict' }>;

/** POST /v1/diagnostics/runs */
export const DiagnoseInput = z
  .object({
    target: z.string().trim().min(1).max(200), // site id, SITE/asset, or incident id
    fix: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    // The same requestId on a retried request makes every device action replay, never repeat.
    requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,80}$/).optional(),
  })
  .strict();
export type DiagnoseInput = z.input<typeof DiagnoseInput>;

/** POST /v1/diagnostics/sweeps */
export const SweepInput = z
  .object({
    site: z.string().trim().min(1).max(100).optional(),
    kind: AssetKind.optional(),
    fix: z.boolean().default(false),
    concurrency: z.number().int().min(1).max(256).default(32),
  })
  .strict();
export type SweepInput = z.input<typeof SweepInput>;

export const SweepResult = z.object({
  type: z.literal('result'),
  assetId: z.string(),
  siteId: z.string().nullable(),
  kind: AssetKind,
  verdict: DiagVerdict,
  findings: z.array(Finding),
  actions: z.array(DiagAction),
  incidentId: z.string().nullable(),
  dispatchId: z.string().nullable(),
});
export type SweepResult = z.infer<typeof SweepResult>;

export const SweepSummary = z.object({
  type: z.literal('summary'),
  assets: z.number().int(),
  healthy: z.number().int(),
  fixed: z.number().int(),
  mitigated: z.number().int(),
  dispatched: z.number().int(),
  unreachable: z.number().int(),
  planned: z.number().int(),
  wallMs: z.number(),
});
export type SweepSummary = z.infer<typeof SweepSummary>;

export const SweepEvent = z.discriminatedUnion('type', [SweepResult, SweepSummary]);
export type SweepEvent = z.infer<typeof SweepEvent>;
