// What sites report about their flow of people, and the wait history kept of it.
import { z } from 'zod';
import { IsoTime } from './time.js';

// What a site reports about its flow of people; pushed by the site (or the
// demo simulator) through POST /v1/ingest/telemetry.
export const SiteTelemetry = z
  .object({
    siteId: z.string(),
    at: IsoTime, // stored and reported back (reportedAt) in the ISO form
    arrivalsPerHour: z.number().nonnegative(),
    queueLength: z.number().int().nonnegative(),
    waitMinutes: z.number().nonnegative(),
    egatesInService: z.number().int().nonnegative(),
    countersOpen: z.number().int().nonnegative(),
    // Optional, added with the hourly flow history (kept by the hour, not in the latest report):
    // passengers cleared per hour now (both lanes), and officers on duty at the site now.
    processedPerHour: z.number().nonnegative().optional(),
    officersOnDuty: z.number().int().nonnegative().optional(),
  })
  .strict();
export type SiteTelemetry = z.infer<typeof SiteTelemetry>;

/** One minute of a site's wait, as the hub recorded it (the last report in that minute). */
export const WaitSample = z.object({
  at: z.string(), // the minute's start, ISO-8601 UTC
  waitMinutes: z.number().nonnegative(),
});
export type WaitSample = z.infer<typeof WaitSample>;

/** GET /v1/sites/:id/wait-history: oldest first; minutes with no report are absent. */
export const WaitHistory = z.object({
  siteId: z.string(),
  samples: z.array(WaitSample),
});
export type WaitHistory = z.infer<typeof WaitHistory>;
