// Key performance indicators the hub computes.
import { z } from 'zod';
import { IsoTime } from './time.js';
import { KPI_DIRECTIONS, KPI_KINDS, SiteKind, SURVEY_CHANNELS } from './vocabulary-schemas.js';

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

/** One bucket of a KPI's trend: its start and the KPI over it (null: nothing to measure then). */
export const KpiPoint = z.object({ at: z.string(), value: z.number().nullable() });
export type KpiPoint = z.infer<typeof KpiPoint>;

/**
 * One figure of a KPI: its value over the period, its target, the same figure
 * over the period of the same length just before, and its trend. Values are
 * null without data; `met` is null without a value or a target.
 */
export const KpiMeasure = z.object({
  id: z.string(), // stable: mtta, mttr, ackWithinSla, availability, satisfied, …
  label: z.string(),
  /** What the figure is about when it is one of several of its id: a severity, a site id. Null: the whole scope. */
  scope: z.string().nullable(),
  unit: z.enum(['seconds', 'minutes', 'ratio', 'count', 'passengers', 'officers', 'passengersPerOfficerHour']),
  value: z.number().nullable(),
  target: z.number().nullable(),
  better: z.enum(KPI_DIRECTIONS),
  met: z.boolean().nullable(),
  previous: z.number().nullable(),
  /** Empty on breakdown rows (per site, per severity) to keep the document small. */
  series: z.array(KpiPoint),
  /** How many things the figure was computed from (incidents, answers, asset-hours…). */
  samples: z.number().int().nonnegative(),
});
export type KpiMeasure = z.infer<typeof KpiMeasure>;

export const KpiFilter = z.object({
  siteId: z.string().nullable(),
  region: z.string().nullable(),
  kind: SiteKind.nullable(),
});
export type KpiFilter = z.infer<typeof KpiFilter>;

/** GET /v1/kpi/:kpi — one KPI: its headline figure first, then the rest. */
export const KpiReport = z.object({
  kpi: z.enum(KPI_KINDS),
  since: z.string(),
  until: z.string(),
  /** The previous period: [previousSince, since). */
  previousSince: z.string(),
  bucketSeconds: z.number().positive(),
  filter: KpiFilter,
  headline: z.string(), // the id of the measure the summary shows
  measures: z.array(KpiMeasure),
});
export type KpiReport = z.infer<typeof KpiReport>;

/** GET /v1/kpi — every KPI over one period and filter, in KPI_KINDS order. */
export const KpiSummary = z.object({
  since: z.string(),
  until: z.string(),
  filter: KpiFilter,
  kpis: z.array(KpiReport),
});
export type KpiSummary = z.infer<typeof KpiSummary>;

/** One satisfaction survey answer: a 1–5 score; 4 and 5 count as satisfied (top-two-box CSAT). */
export const SurveyAnswer = z
  .object({
    siteId: z.string().trim().min(1).max(64),
    score: z.number().int().min(1).max(5),
    channel: z.enum(SURVEY_CHANNELS),
    at: IsoTime,
  })
  .strict();
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;
