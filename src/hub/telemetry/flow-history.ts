// Each site's flow by the hour, for the arrivals forecaster and the flow and
// staff KPIs: what the latest report and the day of per-minute waits cannot
// give. Hours are those of the reports' `at` (the site's clock), not the
// hub's: the demo at --speed N runs a fast clock, and a simulated week must
// become a week of hours. A report merges into its hour's sums; the wait is
// kept as a small fixed histogram, so the hour's median and p90 need no list
// of samples. Quantiles and shares count reports, i.e. they are weighted by
// time when a site reports at a steady pace.
import type { ContactCentreTelemetry, SiteTelemetry } from '../../core/model.js';
import type { FlowHourRecord, StoreReader, StoreWriter } from '../store/store.js';

export const HOUR_MS = 3_600_000;
/** Eight weeks of hours per site: enough for weekly seasonality and a KPI's previous period. */
export const FLOW_HISTORY_HOURS = 8 * 7 * 24;
/**
 * Upper edges (minutes, inclusive) of the wait buckets; the last is open.
 * Never edit: stored histograms count over these buckets. Finer where
 * targets sit (5 to 30 minutes).
 */
export const WAIT_BUCKET_UPPER_MINUTES: readonly number[] = [
  1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 300, 420, 600, Infinity,
];

export const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);
/** An hour since the epoch as its hour of the day (UTC, 0–23), for hours before 1970 too. */
export const hourOfDay = (hour: number): number => ((hour % 24) + 24) % 24;

/** One site's hour, summarised. */
export interface FlowHour {
  siteId: string;
  /** The hour's start on the site's clock, ISO-8601 UTC. */
  hourStart: string;
  /** Hours since the epoch: hourStart as a number. */
  hour: number;
  reports: number;
  /** Mean of the reported arrival rates. */
  arrivalsPerHour: number;
  /** Passengers processed in the hour (the mean reported rate over one hour); null when no report had it. */
  processed: number | null;
  waitMeanMinutes: number;
  /** Mean of the reported queue lengths (callers waiting at a contact centre). */
  queueMean: number;
  waitMedianMinutes: number;
  waitP90Minutes: number;
  waitMaxMinutes: number;
  /** Reports per bucket of WAIT_BUCKET_UPPER_MINUTES (for waitShareWithin). */
  waitCounts: number[];
  /** Means over the hour's reports. */
  countersOpen: number;
  egatesInService: number;
  /** null when no report had it. */
  officersOnDuty: number | null;
  /**
   * A contact centre's inquiries by how they ended in the hour (the mean
   * reported rates over one hour); null when no report of the hour had them.
   */
  contactCentre: ContactCentreTelemetry | null;
}

const bucketOf = (waitMinutes: number): number => WAIT_BUCKET_UPPER_MINUTES.findIndex((upper) => waitMinutes <= upper);

/** An hour with no report yet: what the first report of an hour merges into. */
export const emptyFlowHour = (siteId: string, hour: number): FlowHourRecord => ({
  siteId,
  hour,
  reports: 0,
  arrivalsSum: 0,
  processedSum: 0,
  processedReports: 0,
  waitSum: 0,
  waitMax: 0,
  waitCounts: WAIT_BUCKET_UPPER_MINUTES.map(() => 0),
  countersSum: 0,
  egatesSum: 0,
  officersSum: 0,
  officersReports: 0,
  aiAnsweredSum: 0,
  peopleAnsweredSum: 0,
  abandonedSum: 0,
  contactReports: 0,
  queueSum: 0,
});

/** A report added to its hour's sums (a new record; the old one is left alone). */
export function mergeReport(into: FlowHourRecord, r: SiteTelemetry): FlowHourRecord {
  const waitCounts = [...into.waitCounts];
  waitCounts[bucketOf(r.waitMinutes)]! += 1;
  return {
    ...into,
    reports: into.reports + 1,
    arrivalsSum: into.arrivalsSum + r.arrivalsPerHour,
    processedSum: into.processedSum + (r.processedPerHour ?? 0),
    processedReports: into.processedReports + (r.processedPerHour === undefined ? 0 : 1),
    waitSum: into.waitSum + r.waitMinutes,
    waitMax: Math.max(into.waitMax, r.waitMinutes),
    waitCounts,
    countersSum: into.countersSum + r.countersOpen,
    egatesSum: into.egatesSum + r.egatesInService,
    officersSum: into.officersSum + (r.officersOnDuty ?? 0),
    officersReports: into.officersReports + (r.officersOnDuty === undefined ? 0 : 1),
    aiAnsweredSum: into.aiAnsweredSum + (r.contactCentre?.answeredByAiPerHour ?? 0),
    peopleAnsweredSum: into.peopleAnsweredSum + (r.contactCentre?.answeredByPeoplePerHour ?? 0),
    abandonedSum: into.abandonedSum + (r.contactCentre?.abandonedPerHour ?? 0),
    contactReports: into.contactReports + (r.contactCentre === undefined ? 0 : 1),
    queueSum: into.queueSum + r.queueLength,
  };
}

/**
 * Called inside the intake's transaction, with the reports under their
 * canonical site ids. One read per site of just the hours its reports fall
 * in (usually one), one write per hour touched; a site that starts a new
 * hour has its oldest hours beyond FLOW_HISTORY_HOURS pruned.
 */
export async function recordFlowHours(tx: StoreWriter, reports: readonly SiteTelemetry[]): Promise<void> {
  const bySite = new Map<string, { siteId: string; reports: SiteTelemetry[]; hours: number[] }>();
  for (const r of reports) {
    const k = r.siteId.toUpperCase();
    let group = bySite.get(k);
    if (!group) bySite.set(k, (group = { siteId: r.siteId, reports: [], hours: [] }));
    group.reports.push(r);
    group.hours.push(hourOf(new Date(r.at)));
  }
  const touched: FlowHourRecord[] = [];
  const startedAnHour: string[] = [];
  for (const { siteId, reports: mine, hours } of bySite.values()) {
    const distinct = [...new Set(hours)];
    // One hour (the usual case) is one row by its key; a batch spanning hours reads their range.
    const stored = await tx.listFlowHours({ siteId, fromHour: Math.min(...distinct), toHour: Math.max(...distinct) + 1 });
    const byHour = new Map(stored.map((r) => [r.hour, r]));
    const known = new Set(byHour.keys());
    mine.forEach((r, i) => {
      const hour = hours[i]!;
      byHour.set(hour, mergeReport(byHour.get(hour) ?? emptyFlowHour(siteId, hour), r));
    });
    touched.push(...distinct.map((h) => byHour.get(h)!));
    if (distinct.some((h) => !known.has(h))) startedAnHour.push(siteId);
  }
  if (touched.length > 0) await tx.upsertFlowHours(touched);
  // The same reports as they came, for the nowcast's climb within the hour (store/recent-report-store.ts).
  await tx.keepRecentReports(reports);
  if (startedAnHour.length > 0) await tx.pruneFlowHours(startedAnHour, FLOW_HISTORY_HOURS);
}

/** The wait below which a share `q` (0..1) of the hour's reports fell, interpolated within its bucket. */
export function waitQuantile(record: Pick<FlowHourRecord, 'waitCounts' | 'waitMax' | 'reports'>, q: number): number {
  if (record.reports === 0) return 0;
  const target = q * record.reports;
  let below = 0;
  for (let b = 0; b < record.waitCounts.length; b++) {
    const count = record.waitCounts[b]!;
    if (count > 0 && below + count >= target) {
      const lower = b === 0 ? 0 : WAIT_BUCKET_UPPER_MINUTES[b - 1]!;
      const upper = Math.min(WAIT_BUCKET_UPPER_MINUTES[b]!, record.waitMax);
      return lower + (Math.max(upper, lower) - lower) * ((target - below) / count);
    }
    below += count;
  }
  return record.waitMax;
}

/**
 * The share (0..1) of the hour's reports whose wait was within `minutes`.
 * Exact when `minutes` is a bucket edge; otherwise the bucket it falls in is
 * split in proportion.
 */
export function waitShareWithin(hour: Pick<FlowHour, 'waitCounts' | 'reports'>, minutes: number): number {
  if (hour.reports === 0) return 1;
  let within = 0;
  for (let b = 0; b < hour.waitCounts.length; b++) {
    const lower = b === 0 ? 0 : WAIT_BUCKET_UPPER_MINUTES[b - 1]!;
    const upper = WAIT_BUCKET_UPPER_MINUTES[b]!;
    if (minutes >= upper) within += hour.waitCounts[b]!;
    else {
      if (minutes > lower && Number.isFinite(upper)) within += hour.waitCounts[b]! * ((minutes - lower) / (upper - lower));
      break;
    }
  }
  return within / hour.reports;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Summaries of the recent hours the store shares between its readers
 * (frozen: its cache's, store/sqlite/flow-hour-cache.ts), kept as long as the
 * hour is: the early warning's rosters and the station's calibration summarise
 * the same last week of every site on every pass. Only hours within
 * SUMMARY_KEPT_HOURS of the newest summarised are kept, and the whole memo is
 * dropped each time that newest hour moves on by as much, so it holds at most
 * twice that span of every site's hours (~850 B each: 17–34 MB for 103
 * sites), not their eight weeks (110 MB). A changed hour is a new record. (A
 * site whose clock runs far ahead leaves the others' hours unkept: slower,
 * never wrong.)
 */
const SUMMARY_KEPT_HOURS = 8 * 24;
let summaries = new WeakMap<FlowHourRecord, FlowHour>();
let summariesFrom = -Infinity;
let newestSummarised = -Infinity;

export function summariseFlowHour(r: FlowHourRecord): FlowHour {
  if (!Object.isFrozen(r)) return summarise(r);
  const kept = summaries.get(r);
  if (kept) return kept;
  if (r.hour > newestSummarised) {
    newestSummarised = r.hour;
    if (newestSummarised - summariesFrom > 2 * SUMMARY_KEPT_HOURS) {
      summaries = new WeakMap();
      summariesFrom = newestSummarised - SUMMARY_KEPT_HOURS;
    }
  }
  const made = summarise(r);
  if (r.hour < Math.max(summariesFrom, newestSummarised - SUMMARY_KEPT_HOURS)) return made;
  const summary = Object.freeze({ ...made, contactCentre: made.contactCentre && Object.freeze(made.contactCentre) });
  summaries.set(r, summary);
  return summary;
}

function summarise(r: FlowHourRecord): FlowHour {
  const mean = (sum: number, n: number) => (n > 0 ? round2(sum / n) : 0);
  return {
    siteId: r.siteId,
    hourStart: new Date(r.hour * HOUR_MS).toISOString(),
    hour: r.hour,
    reports: r.reports,
    arrivalsPerHour: mean(r.arrivalsSum, r.reports),
    processed: r.processedReports > 0 ? mean(r.processedSum, r.processedReports) : null,
    waitMeanMinutes: mean(r.waitSum, r.reports),
    queueMean: mean(r.queueSum, r.reports),
    waitMedianMinutes: round2(waitQuantile(r, 0.5)),
    waitP90Minutes: round2(waitQuantile(r, 0.9)),
    waitMaxMinutes: r.waitMax,
    waitCounts: r.waitCounts,
    countersOpen: mean(r.countersSum, r.reports),
    egatesInService: mean(r.egatesSum, r.reports),
    officersOnDuty: r.officersReports > 0 ? mean(r.officersSum, r.officersReports) : null,
    contactCentre:
      r.contactReports > 0
        ? {
            answeredByAiPerHour: mean(r.aiAnsweredSum, r.contactReports),
            answeredByPeoplePerHour: mean(r.peopleAnsweredSum, r.contactReports),
            abandonedPerHour: mean(r.abandonedSum, r.contactReports),
          }
        : null,
  };
}

/**
 * The hours that overlap [from, to) on the sites' clocks: one site's with
 * `siteId`, every site's without, ordered by site then hour. Hours with no
 * report are absent.
 */
export async function readFlowHours(store: StoreReader, range: { siteId?: string; from: Date; to: Date }): Promise<FlowHour[]> {
  const toHour = Math.ceil(range.to.getTime() / HOUR_MS);
  const rows = await store.listFlowHours({ siteId: range.siteId, fromHour: hourOf(range.from), toHour });
  return rows.map(summariseFlowHour);
}

/**
 * One site's hour that holds `at`, if it reported then. Not readFlowHours
 * with from = to: that range is empty whenever `at` falls on the hour (the
 * hour before a report is always read from its start), so the nowcast never
 * saw the hour before the one it reports in.
 */
export async function readFlowHour(store: StoreReader, siteId: string, at: Date): Promise<FlowHour | undefined> {
  const hour = hourOf(at);
  const [row] = await store.listFlowHours({ siteId, fromHour: hour, toHour: hour + 1 });
  return row ? summariseFlowHour(row) : undefined;
}
