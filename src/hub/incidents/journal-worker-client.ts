// The hub's side of the journal's worker (journal-worker.ts): starts it over
// the store's file, tells it what each group commit appended, and turns what
// it says back into this thread's effects — committed events to the outbox
// relay, outcomes to the requests waiting on them, counters to /metrics. The
// backlog it reports is the worker's plus what was appended since it last
// heard. If the worker dies, an applier in this thread takes over the
// journal (nothing is lost: the entries are on disk until applied). Only a
// build has the worker's script (dist/journal-worker.js); without it (tests
// run from the sources) the caller applies in this thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorFromApi } from '../../core/errors.js';
import type { EventRelay } from '../events/outbox-relay.js';
import type { PlaybookCatalog } from '../playbooks/catalog.js';
import type { Store } from '../store/store.js';
import { countLeftover, type AppendedEntry, type ApplierMetrics, type JournalApplier } from './alert-journal.js';
import type { JournalOutcomes } from './journal-outcomes.js';
import type { FromWorker, JournalWorkerData, ToWorker } from './journal-worker-protocol.js';

export interface JournalWorkerDeps {
  store: Store;
  relay: EventRelay;
  metrics: ApplierMetrics;
  log?: ((line: string) => void) | undefined;
  /** Read at each append: the catalogue may be loaded after the worker starts. */
  playbooks?: PlaybookCatalog | undefined;
}

// A worker that has not closed by then is stopped: what it left is in the journal for the next start.
const CLOSE_TIMEOUT_MS = 10_000;

const SCRIPT = new URL('./journal-worker.js', import.meta.url);

/** The worker's script, when this is a build that has one. */
export function journalWorkerScript(): URL | undefined {
  return SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCRIPT)) ? SCRIPT : undefined;
}

/** Starts the worker from `script`; `takeOver` makes an applier in this thread if the worker dies. */
export function startJournalWorker(
  script: URL,
  deps: JournalWorkerDeps,
  data: JournalWorkerData,
  outcomes: JournalOutcomes,
  takeOver: () => JournalApplier,
): JournalApplier {
  const log = deps.log ?? (() => {});
  const worker = new Worker(script, { workerData: data });
  let sent = 0;
  let heard = { alerts: 0, seen: 0 };
  let catalog: PlaybookCatalog | undefined;
  let replacement: JournalApplier | undefined;
  let closing = false;
  let closed: () => void = () => {};
  const done = new Promise<void>((resolve) => (closed = resolve));

  const tell = (message: ToWorker) => worker.postMessage(message);

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'events':
        deps.relay.committed(message.events);
        break;
      case 'applied':
        outcomes.applied(message.seqs.map((seq) => ({ seq })), message.results);
        break;
      case 'failed':
        outcomes.failed(errorFromApi(500, { error: message.error }), message.seqs);
        break;
      case 'metrics':
        for (const [name, args] of message.calls) (deps.metrics[name] as (...a: unknown[]) => void)(...args);
        break;
      case 'backlog':
        heard = { alerts: message.alerts, seen: message.seen };
        break;
      case 'log':
        log(message.line);
        break;
      case 'closed':
        closed();
        break;
    }
  });
  worker.on('error', (e) => log(`alert intake: the journal's worker failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  worker.on('exit', (code) => {
    closed();
    if (closing) return;
    // Died: whoever waits is told to send again (the entry stays, and applies here); this thread applies from now on.
    log(`alert intake: the journal's worker exited (${code}); applying the journal in the hub's thread`);
    replacement = takeOver();
  });

  // Appends are told in one message a turn of the event loop, not one each: in a storm of one-alert requests
  // a message per group commit (and the worker's backlog answer to each) was a tenth of the accepting thread's time.
  let pending: { alerts: number; entries: AppendedEntry[] | undefined } | undefined;
  const tellAppended = () => {
    const told = pending;
    pending = undefined;
    if (!told || replacement) return;
    if (deps.playbooks !== catalog) {
      catalog = deps.playbooks;
      tell({ type: 'catalog', entries: catalog ? catalog.list() : null });
    }
    tell({ type: 'appended', alerts: told.alerts, ...(told.entries ? { entries: told.entries } : {}) });
  };

  const applier: JournalApplier = {
    appended(alerts, entries) {
      if (replacement) return replacement.appended(alerts);
      sent += alerts;
      // Entries found at start are told without names (all unapplied), never in one message with named ones.
      if (pending && (entries === undefined) !== (pending.entries === undefined)) tellAppended();
      if (!pending) {
        pending = { alerts: 0, entries: entries ? [] : undefined };
        setImmediate(tellAppended);
      }
      pending.alerts += alerts;
      if (entries) pending.entries!.push(...entries);
    },
    backlog: () => (replacement ? replacement.backlog() : heard.alerts + sent - heard.seen),
    async close() {
      closing = true;
      if (replacement) return replacement.close();
      tellAppended();
      tell({ type: 'close' });
      const timer = setTimeout(() => void worker.terminate(), CLOSE_TIMEOUT_MS);
      await done;
      clearTimeout(timer);
      await worker.terminate();
    },
  };
  // Counted here, ahead of any append on this thread's connection, and told the worker as if appended.
  countLeftover(deps.store, log, (alerts) => alerts > 0 && applier.appended(alerts));
  return applier;
}
