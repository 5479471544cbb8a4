// Site telemetry in the store: the latest report per site and a day of each
// site's wait, one sample a minute.
import type { SiteTelemetry } from '../../core/model.js';

/** A site's wait in one minute (minutes since the epoch, on the hub's clock). */
export interface WaitMinuteSample {
  siteId: string;
  minute: number;
  waitMinutes: number;
}

export interface TelemetryReader {
  listTelemetry(): Promise<SiteTelemetry[]>;
  /** One site's latest report (its id in any case), without reading every site's. */
  telemetryOf(siteId: string): Promise<SiteTelemetry | undefined>;
  /** A site's wait samples from `fromMinute` (minutes since the epoch) on, oldest first. */
  listWaitSamples(siteId: string, fromMinute: number): Promise<WaitMinuteSample[]>;
}

export interface TelemetryWriter {
  upsertTelemetry(telemetry: SiteTelemetry[]): Promise<void>;
  /** One sample per site per minute: a later one in the same minute replaces it. Drops samples before `keepFromMinute`. */
  recordWaitSamples(samples: WaitMinuteSample[], keepFromMinute: number): Promise<void>;
  /** Retention: deletes latest reports older than `before` and wait samples before `beforeMinute`; how many of each. */
  pruneTelemetry(before: string, beforeMinute: number): Promise<{ telemetry: number; waitSamples: number }>;
}
