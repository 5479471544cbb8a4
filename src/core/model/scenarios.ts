// What-if scenarios for a site: the hours ahead as the baseline expects them
// and under stated changes, each with its predicted wait and staffing advice.
import { z } from 'zod';

/** Where the baseline hours came from: the site's recent telemetry held flat, or the arrivals forecast. */
export const SCENARIO_BASELINE_SOURCES = ['recent-telemetry', 'forecast'] as const;
export type ScenarioBaselineSource = (typeof SCENARIO_BASELINE_SOURCES)[number];

/** One hour under one scenario (or the baseline). */
export const ScenarioHour = z.object({
  at: z.string(), // the hour's start, ISO-8601 UTC
  arrivalsPerHour: z.number(),
  countersOpen: z.number().int(),
  egatesInService: z.number().int(),
  /** Counters the site could open this hour: the cap on the advice. */
  maxCounters: z.number().int(),
  /** False when the queue grows all hour: then waitMinutes is null. */
  stable: z.boolean(),
  /** Predicted mean wait over all travellers with countersOpen, minutes. */
  waitMinutes: z.number().nullable(),
  /** The wait is over the site's target (always, when not stable). */
  breach: z.boolean(),
  /** The fewest counters keeping the wait within target; maxCounters when even that is not enough. */
  countersAdvised: z.number().int(),
  advisedWithinTarget: z.boolean(),
});
export type ScenarioHour = z.infer<typeof ScenarioHour>;

export const ScenarioRun = z.object({
  /** "baseline", or the scenario's canonical text ("arrivals=+30%,egates=-50%"). */
  name: z.string(),
  hours: z.array(ScenarioHour),
  breachHours: z.number().int(),
  /** The longest predicted wait; null when some hour is not stable (the queue grows). */
  worstWaitMinutes: z.number().nullable(),
  maxCountersAdvised: z.number().int(),
});
export type ScenarioRun = z.infer<typeof ScenarioRun>;

/** GET /v1/sites/:id/scenario: the baseline and each scenario asked for, hour by hour. */
export const SiteScenarios = z.object({
  siteId: z.string(),
  generatedAt: z.string(),
  waitTargetMinutes: z.number(),
  baselineSource: z.enum(SCENARIO_BASELINE_SOURCES),
  baseline: ScenarioRun,
  scenarios: z.array(ScenarioRun),
});
export type SiteScenarios = z.infer<typeof SiteScenarios>;
