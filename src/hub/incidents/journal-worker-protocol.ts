// What the hub's thread and the journal's worker (journal-worker.ts) say to
// each other: plain data only (structured clone), one type per message.
import type { AlertmanagerIngestResult, HubEvent } from '../../core/model.js';
import type { CatalogEntry } from '../playbooks/catalog.js';
import type { GroupingRules } from './alert-grouping.js';
import type { AppendedEntry, ApplierMetrics, JournalLimits } from './alert-journal.js';

export interface JournalWorkerData {
  /** The store's SQLite file, opened again in the worker. */
  file: string;
  /** The hub process's name in the journal: the entries its requests append are the worker's to apply. */
  hub: string;
  rules: GroupingRules;
  limits: JournalLimits & { retryAfterSeconds: number };
  /** Shared with the hub's connection: the worker's lets it write first (store/sqlite/write-turns.ts). */
  turns?: Int32Array | undefined;
}

export type ToWorker =
  /** `entries`: each entry's seq and alerts (none: entries found at start, all unapplied). */
  | { type: 'appended'; alerts: number; entries?: AppendedEntry[] }
  /** The playbooks new incidents are proposed from (null: none). */
  | { type: 'catalog'; entries: CatalogEntry[] | null }
  | { type: 'close' };

/** A call of one of the applier's counters, replayed on the hub's metrics. */
export type MetricCall = { [K in keyof ApplierMetrics]: [K, Parameters<ApplierMetrics[K]>] }[keyof ApplierMetrics];

/** An error as it crosses the thread: a WatchfloorError's JSON (errorFromApi rebuilds it). */
export interface ErrorJson {
  code: string;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
}

export type FromWorker =
  | { type: 'events'; events: HubEvent[] }
  | { type: 'applied'; seqs: number[]; results: AlertmanagerIngestResult[] }
  | { type: 'failed'; error: ErrorJson; seqs?: number[] }
  | { type: 'metrics'; calls: MetricCall[] }
  /** The worker's backlog, after it had seen `seen` alerts appended (all it was told of so far). */
  | { type: 'backlog'; alerts: number; seen: number }
  | { type: 'log'; line: string }
  | { type: 'closed' };
