// Each site's flow hours kept in memory, so that reading them costs a slice
// instead of SQLite rows. The forecaster, the early warning (every few
// seconds), the breach list and the KPIs read the same weeks of hours over and
// over (some 50,000 rows a fleet pass, a quarter of the hub's main thread at
// the bench's speed), while between two reports only the newest hour of each
// site changes. A site's hours are read from the file once, at its first
// read; after that the one write path of site_flow_hours (the telemetry
// intake through upsertFlowHours and pruneFlowHours) changes them here as it
// changes the rows, and a transaction that rolls back has its sites read again.
//
// Another connection to the file (a second hub) writes rows this one never
// sees pass: each write moves its site's revision (migration 31), and when
// PRAGMA data_version says another connection committed, the revisions (a
// few dozen short rows) are compared and the sites whose revision moved read
// again. Reads go through the store's mutex like every read, so none sees a
// transaction's writes before they commit. A restore swaps the file with the
// hub stopped: a hub starts with nothing cached.
//
// Memory: the table's rows as objects, at most FLOW_HISTORY_HOURS (eight
// weeks) a site, the telemetry intake prunes the rest: for 103 sites some
// 140,000 hours, 73 MB measured (docs/benchmarks.md, 2026-12-02).
import type { FlowHistoryReader, FlowHistoryWriter, FlowHourQuery, FlowHourRecord } from '../flow-history-store.js';
import type { Prepare, Synchronous } from './prepare.js';
import { fromRow, pruneSiteHours, readFlowRevisions, siteKey, writeFlowHours, type FlowHourRow, type FlowRevisions } from './flow-history-statements.js';

/** The store's transaction tells the cache where one begins and ends (as AuditHeadScope does the audit log). */
export interface FlowHourScope {
  /** Called once the transaction holds the write lock: no other connection commits until it ends. */
  begin(): void;
  /** Called right before COMMIT. */
  flush(): void;
  /** The transaction rolled back (or its COMMIT failed): its sites are read again. */
  discard(): void;
}

/** A site's hours, oldest first, and the revision they were read or written at. */
interface CachedSite {
  hours: FlowHourRecord[];
  revision: number;
}

/** Byte order of UTF-8, as SQLite compares text after NOCASE's fold (JS's < compares UTF-16 units). */
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The first index of `hours` whose hour is ≥ `hour`. */
function firstAtOrAfter(hours: readonly FlowHourRecord[], hour: number): number {
  let lo = 0;
  let hi = hours.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hours[mid]!.hour < hour) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hours fromHour ≤ hour < toHour (none when either is not a number, as SQL's comparisons with NULL). */
function within(hours: readonly FlowHourRecord[], fromHour: number, toHour: number): FlowHourRecord[] {
  if (!(fromHour < toHour)) return [];
  return hours.slice(firstAtOrAfter(hours, fromHour), firstAtOrAfter(hours, toHour));
}

/**
 * A record as reading it back from its row gives it: only the row's fields,
 * the histogram through JSON as stored. Frozen: every reader shares it.
 */
function asStored(r: FlowHourRecord): FlowHourRecord {
  const { waitCounts, ...rest } = r;
  return Object.freeze(fromRow({ ...toRowShape(rest), wait_counts: JSON.stringify(waitCounts) }));
}

const toRowShape = (r: Omit<FlowHourRecord, 'waitCounts'>): Omit<FlowHourRow, 'wait_counts'> => ({
  site_id: r.siteId,
  hour: r.hour,
  reports: r.reports,
  arrivals_sum: r.arrivalsSum,
  processed_sum: r.processedSum,
  processed_reports: r.processedReports,
  wait_sum: r.waitSum,
  wait_max: r.waitMax,
  counters_sum: r.countersSum,
  egates_sum: r.egatesSum,
  officers_sum: r.officersSum,
  officers_reports: r.officersReports,
  ai_answered_sum: r.aiAnsweredSum,
  people_answered_sum: r.peopleAnsweredSum,
  abandoned_sum: r.abandonedSum,
  contact_reports: r.contactReports,
  queue_sum: r.queueSum,
});

const frozenRow = (row: FlowHourRow): FlowHourRecord => Object.freeze(fromRow(row));

/** Commits that wrote flow hours, by any connection of this thread. */
let threadWrites = 0;

export function cachedFlowHistory(sql: Prepare): { statements: Synchronous<FlowHistoryReader & FlowHistoryWriter>; scope: FlowHourScope } {
  const sites = new Map<string, CachedSite>();
  /** Whether `sites` holds every site with hours in the file (a site absent then has none). */
  let everySite = false;
  /** Site keys in SQLite's order of site_id (NOCASE); undefined when a site came or went. */
  let order: string[] | undefined;
  /** Sites to read again before the next read (a transaction that wrote them rolled back, or a write outside one). */
  const stale = new Set<string>();
  /** The sites the open transaction wrote, with their new revisions. */
  let written: FlowRevisions | undefined;
  let seenVersion: number | undefined;

  const dataVersion = () => sql('PRAGMA data_version').pluck().get() as number;
  const revisionOf = (key: string) => (sql('SELECT revision FROM site_flow_revisions WHERE site_id = ?').pluck().get(key) as number | undefined) ?? 0;

  function load(key: string): void {
    // The revision first: a write committed between the two reads moves it past what is kept, and is read again.
    const revision = revisionOf(key);
    const hours = (sql('SELECT * FROM site_flow_hours WHERE site_id = ? COLLATE NOCASE ORDER BY hour').all(key) as FlowHourRow[]).map(frozenRow);
    if (!sites.has(key)) order = undefined;
    sites.set(key, { hours, revision });
  }

  /** The sites not kept yet, each read as a site's first read reads it (the forecaster has usually read most). */
  function loadEverySite(): void {
    const ids = sql('SELECT DISTINCT site_id FROM site_flow_hours').pluck().all() as string[];
    for (const key of new Set(ids.map(siteKey))) if (!sites.has(key)) load(key);
    everySite = true;
  }

  /**
   * Whether this turn of the event loop has looked at data_version (some 10 µs
   * a look, and a fleet pass reads hours some thousand times without
   * yielding), and the thread's writes of flow hours it had seen then. Another
   * process's (or thread's) commit in the middle of a turn can have told no one
   * here of itself before the turn ends, so reads in the turn are as if made at
   * its start; another connection of this thread (a test's second store) may
   * have written in the same turn, and is looked for at once.
   */
  let lookedThisTurn = false;
  let threadWritesSeen = -1;

  /** What another connection committed since the last look, and what a rolled-back transaction left: read again. */
  function revalidate(options: { evenThisTurn?: boolean } = {}): void {
    if (!lookedThisTurn || threadWritesSeen !== threadWrites || options.evenThisTurn) {
      if (!lookedThisTurn) setImmediate(() => (lookedThisTurn = false));
      lookedThisTurn = true;
      threadWritesSeen = threadWrites;
      lookForOthersWrites();
    }
    for (const key of stale) if (sites.has(key) || everySite) load(key);
    stale.clear();
  }

  function lookForOthersWrites(): void {
    const version = dataVersion();
    if (version !== seenVersion) {
      seenVersion = version;
      if (sites.size > 0 || everySite) {
        for (const [key, revision] of readFlowRevisions(sql)) {
          const site = sites.get(key);
          if (site ? site.revision !== revision : everySite) stale.add(key);
        }
      }
    }
  }

  function siteHours(siteId: string): FlowHourRecord[] {
    const key = siteKey(siteId);
    let site = sites.get(key);
    if (!site && !everySite) {
      // A site with no hours is not kept (any id may be asked for): the read finds no row by its key.
      load(key);
      site = sites.get(key)!;
      if (site.hours.length === 0 && site.revision === 0) {
        sites.delete(key);
        return [];
      }
    }
    return site?.hours ?? [];
  }

  function everySiteInOrder(): CachedSite[] {
    if (!everySite) loadEverySite();
    order ??= [...sites.keys()].sort(byUtf8);
    return order.map((key) => sites.get(key)!);
  }

  /** A written record into its site's hours, when they are kept. */
  function put(record: FlowHourRecord): void {
    const key = siteKey(record.siteId);
    let site = sites.get(key);
    if (!site) {
      if (!everySite) return;
      sites.set(key, (site = { hours: [], revision: 0 }));
      order = undefined;
    }
    const stored = asStored(record);
    const at = firstAtOrAfter(site.hours, stored.hour);
    if (site.hours[at]?.hour === stored.hour) site.hours[at] = stored;
    else site.hours.splice(at, 0, stored);
  }

  /** The writes' new revisions kept with their sites when the transaction commits; outside one, the sites are read again. */
  function wrote(revisions: FlowRevisions): void {
    if (!written && revisions.size > 0) threadWrites++;
    for (const [key, revision] of revisions) {
      if (written) written.set(key, revision);
      else stale.add(key);
    }
  }

  const statements: Synchronous<FlowHistoryReader & FlowHistoryWriter> = {
    listFlowHours({ siteId, fromHour, toHour }: FlowHourQuery): FlowHourRecord[] {
      if (!written) revalidate();
      if (siteId !== undefined) return within(siteHours(siteId), fromHour, toHour);
      return everySiteInOrder().flatMap((site) => within(site.hours, fromHour, toHour));
    },

    upsertFlowHours(records: FlowHourRecord[]): void {
      const revisions = writeFlowHours(sql, records);
      for (const r of records) put(r);
      wrote(revisions);
    },

    pruneFlowHours(siteIds: string[], keepPerSite: number): number {
      // A site whose hours are kept, and no more than keepPerSite, has none to prune: no DELETE to run for it.
      const over = siteIds.filter((id) => {
        const site = sites.get(siteKey(id));
        return site ? site.hours.length > keepPerSite : !everySite;
      });
      const { removed, revisions } = pruneSiteHours(sql, over, keepPerSite);
      // As the statement does: each site's newest keepPerSite hours stay (an hour is one row a site).
      for (const key of revisions.keys()) {
        const site = sites.get(key);
        if (site && site.hours.length > keepPerSite) site.hours.splice(0, site.hours.length - keepPerSite);
      }
      wrote(revisions);
      return removed;
    },
  };

  /** The sites of the last transaction flushed, until the next begins: a COMMIT that fails after the flush is discarded too. */
  let flushed: FlowRevisions = new Map();
  const scope: FlowHourScope = {
    begin() {
      // Under the write lock: what the transaction writes rests on every commit before it.
      revalidate({ evenThisTurn: true });
      written = new Map();
      flushed = new Map();
    },
    flush() {
      for (const [key, revision] of written ?? []) {
        const site = sites.get(key);
        if (site) site.revision = revision;
      }
      flushed = written ?? new Map();
      written = undefined;
      // COMMIT follows at once, in the same task: counted after it, for this thread's other connections.
      if (flushed.size > 0) queueMicrotask(() => threadWrites++);
    },
    discard() {
      for (const key of [...(written?.keys() ?? []), ...flushed.keys()]) stale.add(key);
      written = undefined;
      flushed = new Map();
    },
  };
  return { statements, scope };
}
