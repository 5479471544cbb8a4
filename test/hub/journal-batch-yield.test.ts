// The journal's applier in a worker holds the data file's write lock for a
// batch; a writer of the hub's thread that waits meanwhile (an ack) must not
// wait out a large batch. The applier asks between journal entries whether
// anyone waits, commits what it applied and leaves the rest for the next
// batch — each entry still applied exactly once, in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertmanagerIngestResult } from '../../src/core/model.js';
import type { Caller } from '../../src/hub/caller.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { DEFAULT_GROUPING_RULES } from '../../src/hub/incidents/alert-grouping.js';
import { createJournalApplier, journalEntryOf, type ApplierMetrics } from '../../src/hub/incidents/alert-journal.js';
import { alertPlacesCache } from '../../src/hub/incidents/alert-places.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { waitUntil } from '../helpers/wait-until.js';

const SENDER: Caller = { actor: { id: 'tok-alertmanager', name: 'alertmanager', role: 'intake' }, channel: 'api' };
const metrics: ApplierMetrics = { countAlertsApplied: () => {}, countAlerts: () => {}, countAlertsGrouped: () => {}, countIntakeRejected: () => {} };

let dir: string | undefined;
let opened: { store: Store; events: HubEvents } | undefined;
afterEach(async () => {
  await opened?.events.close();
  await opened?.store.close();
  opened = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Applies four one-alert entries with `waiting` as the answer to "does anyone wait"; the entries each batch took. */
async function batchesWhile(waiting: boolean) {
  dir = mkdtempSync(join(tmpdir(), 'wf-journal-yield-'));
  const store = openSqliteStore(join(dir, 'hub.sqlite'));
  const events = await openHubEvents(store, {});
  opened = { store, events };
  const at = new Date().toISOString();
  const seqs = await store.appendJournal(
    ['a', 'b', 'c', 'd'].map((n) =>
      journalEntryOf({ caller: SENDER, webhook: { alerts: [{ status: 'firing', labels: { alertname: 'GateDown', site: 'RUH', n }, annotations: {} }] } }, at, 'hub-1'),
    ),
  );
  const batches: number[][] = [];
  const results: AlertmanagerIngestResult[] = [];
  let asked = 0;
  const applier = createJournalApplier(
    { store, relay: events.relay, metrics, now: () => new Date(), othersWaiting: () => (asked++, waiting) },
    'hub-1',
    alertPlacesCache(),
    DEFAULT_GROUPING_RULES,
    { maxJournalAlerts: 1_000, maxAlertsPerApply: 100, retryAfterSeconds: 1 },
    {
      applied(entries, r) {
        batches.push(entries.map((e) => e.seq));
        results.push(...r);
      },
      failed(e) {
        throw e;
      },
    },
    () => false,
    false,
  );
  applier.appended(4);
  await waitUntil(async () => (await store.journalDepth()).entries === 0 && applier.backlog() === 0, { timeoutMs: 10_000, what: 'the journal applied' });
  await applier.close();
  const incidents = await store.listIncidents({});
  return { seqs, batches, results, asked, incidents };
}

describe('a batch of the journal applier', () => {
  it('takes every entry at once while nobody waits to write', async () => {
    const { seqs, batches, incidents } = await batchesWhile(false);
    expect(batches).toEqual([seqs]);
    expect(incidents).toHaveLength(4);
  });

  it('commits after each entry while another writer waits, and applies the rest in the next batches, each once and in order', async () => {
    const { seqs, batches, results, asked, incidents } = await batchesWhile(true);
    expect(batches).toEqual(seqs.map((s) => [s]));
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(results.map((r) => r.created.length)).toEqual([1, 1, 1, 1]);
    // Oldest first: the incidents open in the order the entries came.
    expect(incidents.map((i) => i.labels.n).reverse()).toEqual(['a', 'b', 'c', 'd']);
  });
});
