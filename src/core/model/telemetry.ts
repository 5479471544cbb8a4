// What sites report about their flow of people, and the wait history kept of it.
import { z } from 'zod';
import { IsoTime } from './time.js';

/**
 * What a contact centre (the 992 line) adds to its report: how its inquiries
 * ended, as rates per hour. Its base fields mean the same for calls as for
 * travellers: arrivalsPerHour is inquiries per hour, queueLength callers
 * waiting, waitMinutes the mean wait to answer, countersOpen agents answering.
 */
export const ContactCentreTelemetry = z
  .object({
    /** Answered by the AI voice agent without a person. */
    answeredByAiPerHour: z.number().nonnegative(),
    /** Answered by a person (the AI agent handed over, or was out). */
    answeredByPeoplePerHour: z.number().nonnegative(),
    /** Callers who hung up before anyone answered. */
    abandonedPerHour: z.number().nonnegative(),
  })
  .strict();
export type ContactCentreTelemetry = z.infer<typeof ContactCentreTelemetry>;

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
    // Optional, contact centres only (site kind contact-centre).
    contactCentre: ContactCentreTelemetry.optional(),
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
