// The journal's applier in a worker leaves the cores to the accepting thread
// while senders send (holdWhileSending): it holds until the senders go quiet,
// or the backlog reaches the hold's alerts, or the spell has lasted the hold's
// time — and then applies every entry, each once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/hub/caller.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { DEFAULT_GROUPING_RULES } from '../../src/hub/incidents/alert-grouping.js';
import { createJournalApplier, journalEntryOf, type ApplierMetrics, type JournalApplier } from '../../src/hub/incidents/alert-journal.js';
import { alertPlacesCache } from '../../src/hub/incidents/alert-places.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { waitUntil } from '../helpers/wait-until.js';

const SENDER: Caller = { actor: { id: 'tok-alertmanager', name: 'alertmanager', role: 'intake' }, channel: 'api' };
const metrics: ApplierMetrics = { countAlertsApplied: () => {}, countAlerts: () => {}, countAlertsGrouped: () => {}, countIntakeRejected: () => {} };

let dir: string | undefined;
let opened: { store: Store; events: HubEvents; applier: JournalApplier } | undefined;
afterEach(async () => {
  await opened?.applier.close();
  await opened?.events.close();
  await opened?.store.close();
  opened = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** An applier over `entries` one-alert journal entries, holding as `hold` says while `sending()`; how often it asked. */
async function holding(entries: number, hold: { alerts: number; ms: number }, sending: () => boolean) {
  dir = mkdtempSync(join(tmpdir(), 'wf-journal-hold-'));
  const store = openSqliteStore(join(dir, 'hub.sqlite'));
  const events = await openHubEvents(store, {});
  const at = new Date().toISOString();
  await store.appendJournal(
    Array.from({ length: entries }, (_, n) =>
      journalEntryOf({ caller: SENDER, webhook: { alerts: [{ status: 'firing', labels: { alertname: 'GateDown', site: 'RUH', n: String(n) }, annotations: {} }] } }, at, 'hub-1'),
    ),
  );
  const asked = { times: 0 };
  const applier = createJournalApplier(
    { store, relay: events.relay, metrics, now: () => new Date() },
    'hub-1',
    alertPlacesCache(),
    DEFAULT_GROUPING_RULES,
    { maxJournalAlerts: 1_000, maxAlertsPerApply: 100, retryAfterSeconds: 1, holdWhileSending: hold },
    { applied: () => {}, failed: (e) => { throw e; } },
    () => (asked.times++, sending()),
    false,
  );
  opened = { store, events, applier };
  applier.appended(entries);
  const applied = () => waitUntil(async () => (await store.journalDepth()).entries === 0 && applier.backlog() === 0, { timeoutMs: 10_000, what: 'the journal applied' });
  return { store, asked, applied };
}

describe('the journal applier while senders send', () => {
  it('applies nothing while they send, below the hold\'s alerts and time, and everything once they are quiet', async () => {
    let sending = true;
    const { store, asked, applied } = await holding(3, { alerts: 10, ms: 60_000 }, () => sending);
    await waitUntil(() => asked.times >= 5, { timeoutMs: 10_000, what: 'the applier to look at the senders a few times' });
    expect(await store.journalDepth()).toEqual({ entries: 3, alerts: 3 });
    sending = false;
    await applied();
    expect(await store.listIncidents({})).toHaveLength(3);
  });

  it('stops holding once the hold\'s alerts wait', async () => {
    const { store, applied } = await holding(3, { alerts: 3, ms: 60_000 }, () => true);
    await applied();
    expect(await store.listIncidents({})).toHaveLength(3);
  });

  it('stops holding once the spell has lasted the hold\'s time', async () => {
    const { store, asked, applied } = await holding(2, { alerts: 1_000, ms: 50 }, () => true);
    await applied();
    expect(asked.times).toBeGreaterThan(1);
    expect(await store.listIncidents({})).toHaveLength(2);
  });
});
