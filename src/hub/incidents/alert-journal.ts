// The one applier of the alert journal. The intake answers a sender once its
// alerts are in the journal (alert-pipeline.ts), as Alertmanager answers once
// alerts are in its store; this turns journal entries into incidents, many
// entries to one transaction, oldest first. The journal is kept apart from the
// store's transactions (a file of its own: store/sqlite/alert-journal-file.ts),
// so the transaction that applies entries records their seqs as applied, and
// they are pruned from the journal after it committed — an entry recorded as
// applied is only ever pruned, so it is applied exactly once, and a hub killed
// between answering and applying applies the rest when it starts again. The
// entries are read inside the applying transaction (the store's write lock
// held), so two hubs over one store never apply the same entry. A request
// that wants the outcome (the webhook's documented answer) waits for its
// entry's batch (journal-outcomes.ts).
// It runs in a worker thread when it can (journal-worker.ts), here otherwise.
import { setTimeout as sleep } from 'node:timers/promises';
import type { AlertmanagerIngestResult } from '../../core/model.js';
import { UnavailableError } from '../../core/errors.js';
import type { HubMetrics } from '../metrics.js';
import type { JournalEntry, JournalOwner, NewJournalEntry, Store, StoreWriter } from '../store/store.js';
import { transact } from '../transact.js';
import type { Caller } from '../caller.js';
import { applyAlertDeliveries, type AlertDelivery } from './alert-intake.js';
import { webhookOfPostableAlerts, type PostableAlerts } from './prometheus-alerts.js';
import type { GroupingRules } from './alert-grouping.js';
import type { AlertPlaces } from './alert-places.js';
import type { IncidentDeps } from './incident-actions.js';
import type { JournalOutcomes } from './journal-outcomes.js';

export interface JournalLimits {
  /** Unapplied alerts the journal may hold; past it the intake answers 503 with Retry-After. */
  maxJournalAlerts: number;
  /** Alerts the applier takes into one transaction (the event loop is busy for that long). */
  maxAlertsPerApply: number;
}

// How long a batch may wait to fill up while senders are sending.
const GATHER_MS = 50;

export const DEFAULT_JOURNAL_LIMITS: JournalLimits = { maxJournalAlerts: 50_000, maxAlertsPerApply: 200 };

// Several hubs may serve one data file. Each applies the entries it took in,
// so whoever waits on an entry (a webhook answered after applying) hears from
// the hub that holds it; an entry another hub left this long unapplied (it
// stopped) is anyone's, and so is all a hub finds at its start.
export const ORPHANED_AFTER_MS = 60_000;

/** A delivery as the journal keeps it (the caller as the route authenticated it), taken in by `hub`. */
export function journalEntryOf(delivery: AlertDelivery, receivedAt: string, hub = ''): NewJournalEntry {
  return { receivedAt, alerts: delivery.webhook.alerts.length, entry: JSON.stringify(delivery), hub };
}

// A storm's requests mostly share one caller object (api/unconfirmed-caller.ts): written out once.
const callerTexts = new WeakMap<Caller, string>();
function callerText(caller: Caller): string {
  let text = callerTexts.get(caller);
  if (text === undefined) callerTexts.set(caller, (text = JSON.stringify(caller)));
  return text;
}

/**
 * The text of an entry for Alertmanager's v2 alerts as the sender wrote them: `body` is the request's body,
 * already parsed and checked (isPostableAlerts), kept as it came — neither turned into the webhook's alerts
 * nor written out again before the answer. The applier turns it into the webhook's alerts, each firing or
 * resolved as of the entry's receivedAt (prometheus-alerts.ts).
 */
export const postableEntryText = (caller: Caller, body: string): string => `{"caller":${callerText(caller)},"postable":${body}}`;

/** An entry's text as the applier reads it: a delivery, or v2 alerts as posted. */
type EntryText = AlertDelivery | { caller: Caller; postable: PostableAlerts };

const sumAlerts = (entries: readonly JournalEntry[]) => entries.reduce((n, e) => n + e.alerts, 0);

function deliveryOf(entry: JournalEntry): AlertDelivery {
  const parsed = JSON.parse(entry.entry) as EntryText;
  return 'postable' in parsed ? { caller: parsed.caller, webhook: webhookOfPostableAlerts(parsed.postable, new Date(entry.receivedAt)) } : parsed;
}

/** An entry as its append names it to the applier. */
export interface AppendedEntry {
  seq: number;
  alerts: number;
}

export interface JournalApplier {
  /**
   * Entries carrying `alerts` alerts were committed to the journal: count them and apply them soon.
   * `entries` names them (an applier in another thread may have applied some before it hears of them).
   */
  appended(alerts: number, entries?: readonly AppendedEntry[]): void;
  /** Unapplied alerts, as this hub counts them (those found at start, plus appended, less applied). */
  backlog(): number;
  /** Stops after the batch in hand; what is left stays in the journal for the next start. */
  close(): Promise<void>;
}

/** What the applier counts (a worker's are sent to the hub's metrics by message). */
export type ApplierMetrics = Pick<HubMetrics, 'countAlertsApplied' | 'countAlerts' | 'countAlertsGrouped' | 'countIntakeRejected'>;

export interface ApplierDeps extends IncidentDeps {
  metrics: ApplierMetrics;
  log?: ((line: string) => void) | undefined;
  /**
   * Whether another writer of the store waits for the applier's transaction
   * (the hub's thread, when the applier runs in a worker): the batch then
   * commits after the entry in hand, and the rest goes in the next one.
   */
  othersWaiting?: (() => boolean) | undefined;
}

/** Whether senders' requests are coming in now (the applier then leaves them half the event loop). */
export type SendersBusy = () => boolean;

/** What a killed hub left in the journal: counted first (before any request can append), then applied. */
export function countLeftover(store: Pick<Store, 'journalDepth'>, log: (line: string) => void, found: (alerts: number) => void): void {
  void store.journalDepth().then(
    (depth) => found(depth.alerts),
    (e: unknown) => log(`alert intake: cannot read the journal: ${e instanceof Error ? e.message : String(e)}`),
  );
}

export function createJournalApplier(
  deps: ApplierDeps,
  hub: string,
  places: (tx: StoreWriter) => Promise<AlertPlaces>,
  rules: GroupingRules,
  limits: JournalLimits & { retryAfterSeconds: number },
  outcomes: JournalOutcomes,
  sendersBusy: SendersBusy = () => false,
  /** Whether it counts what the journal held at its start (a worker is told it with the appends instead). */
  countsLeftover = true,
): JournalApplier {
  const { metrics } = deps;
  const log = deps.log ?? (() => {});
  let backlog = 0;
  let again = false;
  let closed = false;
  let running: Promise<void> | undefined;
  // After a batch failed for a reason other than storage, entries through this seq go one at a time, so one bad entry cannot hold the rest back.
  let isolateThrough = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  const startedAt = deps.now().getTime();
  const owner = (): JournalOwner => ({ hub, orphanedBefore: new Date(Math.max(startedAt, deps.now().getTime() - ORPHANED_AFTER_MS)).toISOString() });

  const applied = (entries: JournalEntry[], results: AlertmanagerIngestResult[]) => {
    const alerts = sumAlerts(entries);
    backlog = Math.max(0, backlog - alerts);
    metrics.countAlertsApplied(alerts);
    for (const r of results) {
      metrics.countAlerts('created', r.created.length);
      metrics.countAlerts('updated', r.updated.length);
      metrics.countAlerts('resolved', r.resolved.length);
      metrics.countAlerts('ignored', r.ignored);
      metrics.countAlerts('silenced', r.silenced ?? 0);
    }
    outcomes.applied(entries, results);
  };

  // Seqs pruned from the journal whose record as applied the next transaction forgets.
  let pruned: number[] = [];

  /** Applies the next batch; how many entries it took (0: the journal is empty). */
  const applyNext = async (): Promise<number> => {
    let entries: JournalEntry[] = [];
    // Entries applied before (a hub stopped between its commit and the prune): only pruned.
    let stale: JournalEntry[] = [];
    const mine = owner();
    try {
      const outcome = await transact(deps, async (tx, emit) => {
        await tx.forgetJournalApplied(pruned);
        const done = new Set(await tx.journalApplied());
        const read = await deps.store.readJournal(limits.maxAlertsPerApply, mine);
        stale = read.filter((e) => done.has(e.seq));
        entries = read.filter((e) => !done.has(e.seq));
        if (entries.length > 1 && entries[0]!.seq <= isolateThrough) entries = entries.slice(0, 1);
        if (entries.length === 0) return undefined;
        const applying = await applyAlertDeliveries(deps, tx, emit, places, entries.map(deliveryOf), rules, deps.othersWaiting);
        // Cut short for a waiting writer: the entries not reached stay in the journal, as if never read.
        entries = entries.slice(0, applying.results.length);
        await tx.markJournalApplied(entries.map((e) => e.seq));
        return applying;
      });
      pruned = [];
      const taken = [...stale, ...entries];
      if (taken.length === 0) return 0;
      // Applied and recorded: a prune that fails now is done again (as stale) on the next round.
      pruned = taken.map((e) => e.seq);
      await deps.store.pruneJournal(pruned);
      backlog = Math.max(0, backlog - sumAlerts(stale));
      if (!outcome) return taken.length;
      for (const [kind, n] of outcome.grouped) metrics.countAlertsGrouped(kind, n);
      applied(entries, outcome.results);
      return taken.length;
    } catch (e) {
      if (e instanceof UnavailableError || entries.length === 0) throw e;
      if (entries.length > 1) {
        isolateThrough = entries.at(-1)!.seq;
        return 1; // go on, one entry at a time
      }
      // One entry that cannot be applied, alone, for a reason other than storage: it would stop the journal for good.
      const [bad] = entries as [JournalEntry];
      log(`alert intake: journal entry ${bad.seq} (${bad.alerts} alerts, received ${bad.receivedAt}) could not be applied and is dropped: ${e instanceof Error ? e.message : String(e)}`);
      await deps.store.pruneJournal([bad.seq]);
      backlog = Math.max(0, backlog - bad.alerts);
      metrics.countIntakeRejected('apply_failed');
      outcomes.failed(e, [bad.seq]);
      return 1;
    }
  };

  const loop = async (): Promise<void> => {
    try {
      while (again && !closed) {
        again = false;
        // Yield first, so requests already read are answered (and appended) before a batch holds the event loop.
        // While this hub counts a backlog; none left means no transaction just to find the journal empty.
        while (backlog > 0 && !closed) {
          await new Promise((r) => setImmediate(r));
          // While senders are sending, a batch is let grow (a little while at most): each costs as much again
          // for its parents, events and commit, and a storm of small ones would cost the senders their turns.
          const gatherUntil = performance.now() + GATHER_MS;
          while (!closed && sendersBusy() && backlog < limits.maxAlertsPerApply && performance.now() < gatherUntil) await sleep(1);
          const started = performance.now();
          // Empty though counted: another hub over the same store applied them (its own, long left). Whoever
          // still waits on one is told to send again (503): the alert dedupes into what the other hub opened.
          if ((await applyNext()) === 0) {
            backlog = 0;
            outcomes.failed(new UnavailableError('another hub over the same data file applied these alerts; send them again', { details: { retryAfterSeconds: limits.retryAfterSeconds } }));
          }
          // While senders are sending, the applier takes at most half the event loop: for as long as its batch
          // took, their requests go first (taken in is on disk; the backlog's bound stops it growing past reason).
          const until = 2 * performance.now() - started;
          while (!closed && sendersBusy() && performance.now() < until) await sleep(1);
        }
      }
    } catch (e) {
      // Storage cannot write now: the entries stay in the journal; try again after a pause, and tell whoever waits.
      log(`alert intake: applying the journal failed, retrying in ${limits.retryAfterSeconds} s: ${e instanceof Error ? e.message : String(e)}`);
      outcomes.failed(e);
      again = false;
      if (!closed) {
        retryTimer = setTimeout(() => kick(), limits.retryAfterSeconds * 1000);
        retryTimer.unref();
      }
    }
  };

  const kick = () => {
    again = true;
    if (running || closed) return;
    running = loop().finally(() => {
      running = undefined;
      // Kicked after the loop last looked: go round again.
      if (again && !closed && backlog > 0) kick();
    });
  };

  if (countsLeftover) countLeftover(deps.store, log, (alerts) => {
    backlog += alerts;
    kick();
  });

  return {
    appended(alerts) {
      backlog += alerts;
      kick();
    },
    backlog: () => backlog,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      await running;
    },
  };
}
