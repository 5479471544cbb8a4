// Key performance indicators the hub computes.
import { z } from 'zod';

/** GET /v1/kpi/remote: how device incidents since `since` ended. Rates and times are null without data. */
export const RemoteKpi = z.object({
  since: z.string(),
  until: z.string(),
  incidents: z.number().int(), // device incidents opened in the window
  fixedRemotely: z.number().int(),
  mitigatedRemotely: z.number().int(),
  dispatched: z.number().int(),
  // (fixed + mitigated) / (fixed + mitigated + dispatched)
  remoteResolutionRate: z.number().nullable(),
  medianSecondsToFix: z.number().nullable(),
  p95SecondsToVerdict: z.number().nullable(),
});
export type RemoteKpi = z.infer<typeof RemoteKpi>;
