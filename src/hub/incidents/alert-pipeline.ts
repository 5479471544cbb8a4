// The alert intake as one pipeline per hub, the way every sender's alerts go:
// parse (the route, against the sender's schema) → queue (intake-queue.ts:
// bounded, group commit) → the alert journal, on disk, one transaction per
// group of requests → answered. From the journal one applier
// (alert-journal.ts) maps alerts onto the inventory (alert-places.ts),
// dedupes, groups and applies them, many requests to a transaction, and
// publishes after commit. Senders that read nothing back (Alertmanager's v2
// API, Grafana) are answered once their alerts are journaled; the webhook,
// whose answer names the incidents, waits for its entry to be applied. Over
// a store file, and in a build, the applier runs in a worker thread
// (journal-worker.ts), leaving this event loop to the senders.
// Backpressure, never loss: a full queue or a journal whose backlog passed
// its bound refuses with 503 and Retry-After (Alertmanager retries 5xx).
import { randomUUID } from 'node:crypto';
import type { AlertmanagerIngestResult } from '../../core/model.js';
import { UnavailableError } from '../../core/errors.js';
import type { Caller } from '../caller.js';
import type { HubMetrics } from '../metrics.js';
import type { AlertmanagerWebhook } from './alertmanager-webhook.js';
import type { AlertDelivery } from './alert-intake.js';
import { DEFAULT_GROUPING_RULES, type GroupingRules } from './alert-grouping.js';
import { createJournalApplier, DEFAULT_JOURNAL_LIMITS, postableEntryText, type ApplierDeps, type JournalApplier, type JournalLimits } from './alert-journal.js';
import { alertPlacesCache } from './alert-places.js';
import { writeTurnsOf } from '../store/sqlite/sqlite-store.js';
import { createOutcomeWaiters } from './journal-outcomes.js';
import { journalWorkerScript, startJournalWorker } from './journal-worker-client.js';
import { createIntakeQueue, DEFAULT_INTAKE_LIMITS, type IntakeQueueLimits } from './intake-queue.js';

export type IntakeLimits = IntakeQueueLimits & JournalLimits;

const BUSY_WINDOW_MS = 2;

// The worker holds the data file's write lock for a batch. Senders' appends never wait on it (the journal has
// a file of its own); the hub's other writes (an ack) end a batch early, after the entry in hand (alert-journal.ts:
// othersWaiting), and go before the next (store/sqlite/write-turns.ts). So a batch may be large enough that its
// commit, journal read and prune cost little an alert: at 10 a batch they were a quarter of the applier's CPU.
const WORKER_ALERTS_PER_APPLY = 100;

const EMPTY = (): AlertmanagerIngestResult => ({ created: [], updated: [], resolved: [], ignored: 0, silenced: 0 });

export interface AlertPipeline {
  /**
   * Resolves once the alerts are in the journal, on disk — or, with `outcome`,
   * once they are applied, with what they did. Throws UnavailableError (503,
   * Retry-After) when they cannot be taken now.
   */
  submit(caller: Caller, webhook: AlertmanagerWebhook, options?: { outcome?: boolean }): Promise<AlertmanagerIngestResult | undefined>;
  /**
   * Alertmanager's v2 alerts, `alerts` of them, as the request's `body` (its
   * text, already parsed and checked: isPostableAlerts), journaled as they
   * came; resolves once on disk. Throws as submit does. `confirm`, when
   * given, is awaited with the rest of its group commit's before any of it is
   * journaled (the caller's token: api/unconfirmed-caller.ts); if it
   * throws, the request is refused with what it threw and nothing of it stored.
   */
  submitPostable(caller: Caller, body: string, alerts: number, confirm?: Confirmation): Promise<void>;
  close(): Promise<void>;
}

interface Accepted {
  outcome: Promise<AlertmanagerIngestResult> | undefined;
}

/** What a request's caller awaits before its alerts are journaled (its token, confirmed). */
export type Confirmation = () => Promise<void>;

/** A request's alerts as the journal will keep them (the entry's text), and whether it waits to hear how they applied. */
interface Job {
  entry: string;
  alerts: number;
  outcome: boolean;
  confirm?: Confirmation | undefined;
}

/**
 * Every job's confirmation, started together (in one synchronous stretch, so
 * they share one look at the token revision). One refused fails the group,
 * which the queue then writes job by job (intake-queue.ts): the others go on.
 */
async function confirmed(jobs: readonly Job[]): Promise<void> {
  let waits: Promise<void>[] | undefined;
  let last: Confirmation | undefined;
  for (const { confirm } of jobs) {
    // A token's requests share its confirmation (api/unconfirmed-caller.ts): asked once a run of them.
    if (!confirm || confirm === last) continue;
    (waits ??= []).push(confirm());
    last = confirm;
  }
  if (waits) await (waits.length === 1 ? waits[0] : Promise.all(waits));
}

export interface PipelineDeps extends ApplierDeps {
  metrics: HubMetrics;
  grouping?: Partial<GroupingRules> | undefined;
  /** The store's SQLite file, when it is one: the applier then runs in a worker thread over it (when built). */
  dataFile?: string | undefined;
}

export function createAlertPipeline(deps: PipelineDeps, overrides: Partial<IntakeLimits> = {}): AlertPipeline {
  const rules: GroupingRules = { ...DEFAULT_GROUPING_RULES, ...deps.grouping };
  const limits: IntakeLimits = { ...DEFAULT_INTAKE_LIMITS, ...DEFAULT_JOURNAL_LIMITS, ...overrides };
  const { metrics } = deps;
  // A request came in within this long: senders are busy (alert-journal.ts leaves them half the event loop).
  let lastArrival = -Infinity;
  const sendersBusy = () => queue.depth().requests > 0 || performance.now() - lastArrival < BUSY_WINDOW_MS;
  // This hub process's name in the journal: the entries it takes in are its to apply (alert-journal.ts).
  const hub = randomUUID();
  const waiters = createOutcomeWaiters();
  const inThisThread = () => createJournalApplier(deps, hub, alertPlacesCache(), rules, limits, waiters, sendersBusy);
  const script = deps.dataFile ? journalWorkerScript() : undefined;
  const applier: JournalApplier =
    script && deps.dataFile
      ? startJournalWorker(script, deps, { file: deps.dataFile, hub, rules, limits: { ...limits, maxAlertsPerApply: Math.min(limits.maxAlertsPerApply, WORKER_ALERTS_PER_APPLY) }, turns: writeTurnsOf(deps.store) }, waiters, inThisThread)
      : inThisThread();

  const journal = async (jobs: Job[]): Promise<Accepted[]> => {
    await confirmed(jobs);
    const receivedAt = deps.now().toISOString();
    let accepted: Accepted[] = [];
    // One write of the journal's own (a file apart from the store's: no wait on the applier's transaction).
    // Waiters are set the moment it commits, before an applier in this thread can take the entries.
    const seqs = await deps.store.appendJournal(
      jobs.map(({ entry, alerts }) => ({ receivedAt, alerts, entry, hub })),
      (committed) => (accepted = jobs.map((job, i): Accepted => ({ outcome: job.outcome ? waiters.outcomeOf(committed[i]!) : undefined }))),
    );
    applier.appended(jobs.reduce((n, j) => n + j.alerts, 0), seqs.map((seq, i) => ({ seq, alerts: jobs[i]!.alerts })));
    return accepted;
  };

  const queue = createIntakeQueue<Job, Accepted>(journal, limits, {
    refused: () => metrics.countIntakeRejected('queue_full'),
    committed: (n) => metrics.observeIntakeCommit(n),
  });
  metrics.readIntakeDepth(queue.depth);
  metrics.readJournalBacklog(applier.backlog);

  const refuseWhenFull = (size: number) => {
    const backlog = applier.backlog() + queue.depth().alerts;
    if (backlog === 0 || backlog + size <= limits.maxJournalAlerts) return;
    metrics.countIntakeRejected('journal_full');
    throw new UnavailableError(`the hub has ${backlog} alerts taken in and not yet applied, its most; this request was not taken`, {
      hint: `nothing of it was stored; send it again after ${limits.retryAfterSeconds} s (Alertmanager retries by itself)`,
      details: { intake: 'journal full', backlogAlerts: backlog, retryAfterSeconds: limits.retryAfterSeconds },
    });
  };

  const refusedByStorage = (e: unknown): never => {
    if (e instanceof UnavailableError && e.details.storage !== undefined) metrics.countIntakeRejected('storage');
    throw e;
  };

  /** Journals `job`: refused when the backlog is full; the outcome too when the job waits for it. */
  const take = async (job: Job): Promise<AlertmanagerIngestResult | undefined> => {
    lastArrival = performance.now();
    refuseWhenFull(job.alerts);
    const accepted = await queue.submit(job, job.alerts).catch(refusedByStorage);
    metrics.countAlertsReceived(job.alerts);
    // Journaled, but the store cannot apply them now (they stay, and apply later): the answer that needs them is 503.
    return accepted.outcome?.catch(refusedByStorage);
  };

  return {
    async submit(caller, webhook, options = {}) {
      if (webhook.alerts.length === 0) {
        lastArrival = performance.now();
        return options.outcome ? EMPTY() : undefined;
      }
      return take({ entry: JSON.stringify({ caller, webhook } satisfies AlertDelivery), alerts: webhook.alerts.length, outcome: options.outcome === true });
    },
    async submitPostable(caller, body, alerts, confirm) {
      lastArrival = performance.now();
      if (alerts > 0) await take({ entry: postableEntryText(caller, body), alerts, outcome: false, confirm });
      else await confirm?.();
    },
    close: () => applier.close(),
  };
}
