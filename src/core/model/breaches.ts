// Early warning: the sites predicted to breach their wait target in the hours
// ahead, when and how badly, and what would prevent it (counters to open,
// officers to bring from the nearest sites with slack).
import { z } from 'zod';
import { SCENARIO_BASELINE_SOURCES } from './scenarios.js';
import { SiteKind } from './vocabulary-schemas.js';

/** Officers a site with slack could lend: on duty above its own advised need over the window. */
export const OfficerDonor = z.object({
  siteId: z.string(),
  distanceKm: z.number(),
  officers: z.number().int().positive(),
});
export type OfficerDonor = z.infer<typeof OfficerDonor>;

export const BreachWarning = z.object({
  siteId: z.string(),
  kind: SiteKind,
  region: z.string(),
  /** The site's own clock: its latest report, where the prediction starts. */
  asOf: z.string(),
  /** The start of the first hour predicted over target. */
  breachAt: z.string(),
  breachHours: z.number().int().positive(),
  /** The worst predicted mean wait in the window; null when the queue grows all hour (no steady wait). */
  worstWaitMinutes: z.number().nullable(),
  worstAt: z.string(),
  waitTargetMinutes: z.number(),
  countersOpen: z.number().int(),
  /** The fewest counters that keep every hour of the window within target (the site's cap when nothing does). */
  countersAdvised: z.number().int(),
  advisedWithinTarget: z.boolean(),
  countersToOpen: z.number().int().nonnegative(),
  officersOnDuty: z.number().int().nonnegative(),
  /** Officers needed beyond those on duty to staff the advised counters. */
  officersShort: z.number().int().nonnegative(),
  /** Nearest sites first; they cover officersShort when they can. */
  officersFrom: z.array(OfficerDonor),
});
export type BreachWarning = z.infer<typeof BreachWarning>;

/** GET /v1/forecast/breaches: every site predicted to breach within `hours`, soonest first. */
export const ForecastBreaches = z.object({
  generatedAt: z.string(),
  hours: z.number().int(),
  source: z.enum(SCENARIO_BASELINE_SOURCES),
  sitesChecked: z.number().int(),
  breaches: z.array(BreachWarning),
});
export type ForecastBreaches = z.infer<typeof ForecastBreaches>;
