// The alert journal's applier in a worker thread, so that applying alerts
// (incidents, timelines, audit, asset health, grouping, proposals: two thirds
// of the intake's time, profiled under bench/intake.mjs) no longer takes the
// event loop that answers the senders. Its own connection to the same SQLite
// file (WAL: one writer at a time, BEGIN IMMEDIATE waits off either event
// loop), the applier of alert-journal.ts unchanged; the hub's thread
// (journal-worker-client.ts) tells it what was appended and hears back the
// events it committed (for the hub's outbox relay, which publishes them in id
// order with its own), the outcomes a request waits on, its counters and its
// backlog. Built as its own entry (scripts/build.mjs: dist/journal-worker.js).
import { parentPort, workerData } from 'node:worker_threads';
import { isWatchfloorError } from '../../core/errors.js';
import { runThisThreadInBackground } from '../background-thread.js';
import type { HubEvent } from '../../core/model.js';
import type { EventRelay } from '../events/outbox-relay.js';
import { catalogOf, type PlaybookCatalog } from '../playbooks/catalog.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { othersWaiting } from '../store/sqlite/write-turns.js';
import { createJournalApplier, type ApplierDeps, type ApplierMetrics } from './alert-journal.js';
import { alertPlacesCache } from './alert-places.js';
import type { ErrorJson, FromWorker, JournalWorkerData, MetricCall, ToWorker } from './journal-worker-protocol.js';

const port = parentPort!;
const data = workerData as JournalWorkerData;
// Accepting alerts goes first where the two share cores (background-thread.ts says why).
runThisThreadInBackground();

// Counters go in one message with whatever is posted next (or on the next turn), not one message each.
let calls: MetricCall[] = [];
let flushing: NodeJS.Immediate | undefined;
const flushMetrics = () => {
  if (flushing) clearImmediate(flushing);
  flushing = undefined;
  if (calls.length === 0) return;
  port.postMessage({ type: 'metrics', calls } satisfies FromWorker);
  calls = [];
};
const post = (message: FromWorker) => {
  flushMetrics();
  port.postMessage(message);
};
const count = (call: MetricCall) => {
  calls.push(call);
  flushing ??= setImmediate(flushMetrics);
};
const metrics: ApplierMetrics = {
  countAlertsApplied: (...args) => count(['countAlertsApplied', args]),
  countAlerts: (...args) => count(['countAlerts', args]),
  countAlertsGrouped: (...args) => count(['countAlertsGrouped', args]),
  countIntakeRejected: (...args) => count(['countIntakeRejected', args]),
};

// The hub's relay publishes; this one only hands over what the worker's transactions committed.
const relay: EventRelay = {
  committed: (events: readonly HubEvent[]) => {
    if (events.length > 0) post({ type: 'events', events: [...events] });
  },
  catchUp: async () => {},
  prune: async () => 0,
  close: async () => {},
};

const errorJson = (e: unknown): ErrorJson =>
  isWatchfloorError(e) ? e.toJSON() : { code: 'hub_error', message: `applying alerts failed: ${e instanceof Error ? e.message : String(e)}` };

// The hub's thread checkpoints the WAL (store/sqlite/wal-checkpointer.ts); this connection never does.
// It yields to the hub's connection: a request's ack goes before the applier's next batch, and one that
// waits while a batch is applied ends it after the journal entry in hand (ApplierDeps.othersWaiting).
const turns = data.turns;
const store = openSqliteStore(data.file, { checkpointedElsewhere: true, yields: true, ...(turns ? { turns } : {}) });
let playbooks: PlaybookCatalog | undefined;
const deps: ApplierDeps = {
  store,
  relay,
  metrics,
  ...(turns ? { othersWaiting: () => othersWaiting(turns) } : {}),
  now: () => new Date(),
  log: (line) => post({ type: 'log', line }),
  get playbooks() {
    return playbooks;
  },
};
let seen = 0;
// The applier reads whatever the journal holds, so it may apply an entry before the message naming it
// arrives (the hub's thread tells it after its commit): such an entry is not counted again.
let appliedThrough = 0;
const applying = (seqs: readonly number[]) => {
  for (const seq of seqs) appliedThrough = Math.max(appliedThrough, seq);
};
const tellBacklog = () => post({ type: 'backlog', alerts: applier.backlog(), seen });
const applier = createJournalApplier(deps, data.hub, alertPlacesCache(), data.rules, data.limits, {
  applied(entries, results) {
    applying(entries.map((e) => e.seq));
    post({ type: 'applied', seqs: entries.map((e) => e.seq), results: [...results] });
    tellBacklog();
  },
  failed(e, seqs) {
    applying(seqs ?? []); // an entry dropped as unappliable is pruned
    post({ type: 'failed', error: errorJson(e), ...(seqs ? { seqs: [...seqs] } : {}) });
    tellBacklog();
  },
}, () => false, false);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'appended':
      seen += message.alerts;
      applier.appended(message.entries ? message.entries.reduce((n, e) => n + (e.seq > appliedThrough ? e.alerts : 0), 0) : message.alerts);
      tellBacklog();
      break;
    case 'catalog':
      playbooks = message.entries ? catalogOf(message.entries) : undefined;
      break;
    case 'close':
      void applier
        .close()
        .then(() => store.close())
        .finally(() => {
          post({ type: 'closed' });
          port.close();
        });
      break;
  }
});
