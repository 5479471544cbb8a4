// The alert journal: what the intake answered 2xx is on disk (in the journal's
// own file beside the data file) before it is applied; the applier applies
// entries oldest first, many to a transaction, records them as applied in
// that transaction and prunes them after; a hub that starts over a journal a
// killed one left applies it — never an entry recorded as applied — and an
// entry that can never be applied is dropped with a log line instead of
// stopping the journal for good.
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/hub/caller.js';
import { journalEntryOf } from '../../src/hub/incidents/alert-journal.js';
import { restoreBackup } from '../../src/hub/restore.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest, startFixtureHub, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub | undefined;
let bare: Store | undefined;
let dirs: string[] = [];

afterEach(async () => {
  await bare?.close();
  bare = undefined;
  await hub?.stop();
  hub = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Stops the hub as a kill would leave its data: the file stays for the store opened bare, or the next start. */
async function stopKeepingData(): Promise<string> {
  const { dir } = hub!;
  await hub!.closeKeepingData();
  hub = undefined;
  dirs.push(dir);
  return dir;
}

/** The journal's entries beside `dataFile`, read through a store opened on it and closed again. */
async function readJournalOf(dataFile: string) {
  const store = openSqliteStore(dataFile);
  try {
    return await store.readJournal(1_000);
  } finally {
    await store.close();
  }
}

const firing = (prefix: string, n: number) => ({
  alerts: Array.from({ length: n }, (_, i) => ({ status: 'firing' as const, labels: { alertname: 'GateDown', site: 'RUH', batch: prefix, n: String(i) }, annotations: {} })),
});
const at = () => new Date().toISOString();
// Whom a journal entry names: the intake token the route authenticated.
const SENDER: Caller = { actor: { id: 'tok-alertmanager', name: 'alertmanager', role: 'intake' }, channel: 'api' };

describe('the journal in the store', () => {
  it('hands back the oldest entries within an alert budget (always at least one) and prunes a prefix', async () => {
    hub = await startFixtureHub();
    bare = openSqliteStore(join(await stopKeepingData(), 'hub.sqlite'));
    const seqs = await bare.appendJournal([5, 3, 4, 1].map((n, i) => journalEntryOf({ caller: SENDER, webhook: firing(`b${i}`, n) }, at())));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await bare.journalDepth()).toEqual({ entries: 4, alerts: 13 });
    const read = (budget: number) => bare!.readJournal(budget);
    expect((await read(8)).map((e) => e.alerts)).toEqual([5, 3]);
    expect((await read(2)).map((e) => e.alerts)).toEqual([5]);
    expect((await read(100)).map((e) => e.seq)).toEqual(seqs);
    expect(await bare.pruneJournal(seqs.slice(0, 2))).toBe(2);
    expect(await bare.journalDepth()).toEqual({ entries: 2, alerts: 5 });
  });
});

describe('the journal in a file of its own', () => {
  it('lives beside the data file; a backup carries its unapplied entries (not those recorded as applied), and a restore brings them in and keeps the old journal aside', async () => {
    hub = await startFixtureHub();
    const dir = await stopKeepingData();
    const file = join(dir, 'hub.sqlite');
    bare = openSqliteStore(file);
    expect(existsSync(`${file}.journal`)).toBe(true);
    const [applied, unapplied] = await bare.appendJournal([
      journalEntryOf({ caller: SENDER, webhook: firing('applied', 1) }, at()),
      journalEntryOf({ caller: SENDER, webhook: firing('unapplied', 2) }, at()),
    ]);
    // Applied and recorded, not yet pruned (a hub killed between the two).
    await bare.transaction((tx) => tx.markJournalApplied([applied!]));
    const copy = join(dir, 'copy.sqlite');
    await bare.backupTo(copy);
    await bare.close();
    bare = undefined;
    const inCopy = new Database(copy, { readonly: true });
    expect(inCopy.prepare('SELECT seq, alerts FROM alert_journal').all()).toEqual([{ seq: unapplied, alerts: 2 }]);
    inCopy.close();

    const { keptAs } = await restoreBackup({ backupFile: copy, dataFile: file });
    expect((await readJournalOf(`${keptAs!}`)).map((e) => e.seq)).toEqual([applied, unapplied]);
    const moved = await readJournalOf(file);
    expect(moved.map((e) => [e.alerts, (JSON.parse(e.entry) as { webhook: { alerts: { labels: { batch: string } }[] } }).webhook.alerts[0]!.labels.batch])).toEqual([[2, 'unapplied']]);
    // Moved, not copied, with a seq of the journal's own (above any the data file remembers).
    expect(moved[0]!.seq).toBeGreaterThan(unapplied!);
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare('SELECT COUNT(*) AS n FROM alert_journal').get()).toEqual({ n: 0 });
    restored.close();
  });

  it('never applies an entry recorded as applied, and moves what an older hub left in the data file\'s table to the journal and applies it', async () => {
    hub = await startFixtureHub();
    const adminToken = hub.adminToken!;
    const dir = await stopKeepingData();
    const file = join(dir, 'hub.sqlite');
    bare = openSqliteStore(file);
    const [done] = await bare.appendJournal([journalEntryOf({ caller: SENDER, webhook: firing('done', 1) }, at())]);
    await bare.transaction((tx) => tx.markJournalApplied([done!]));
    await bare.close();
    bare = undefined;
    // An older hub's journal: in the data file itself.
    const db = new Database(file);
    const entry = journalEntryOf({ caller: SENDER, webhook: firing('older', 2) }, at());
    db.prepare('INSERT INTO alert_journal (received_at, alerts, entry, hub) VALUES (?, ?, ?, ?)').run(entry.receivedAt, entry.alerts, entry.entry, '');
    db.close();

    hub = await startFixtureHub({ dir, adminToken });
    const batch = async (name: string) => (await hub!.admin.listIncidents({ limit: 1000 })).filter((i) => i.labels.batch === name);
    await waitUntil(async () => (await batch('older')).length === 2, { what: "the older hub's entry applied", timeoutMs: 10_000, describe: () => hub!.logs.join('\n') });
    await waitUntil(async () => /^watchfloor_intake_journal_alerts 0$/m.test((await rawRequest(`${hub!.url}/metrics`)).text), { what: 'the journal empty', timeoutMs: 5_000 });
    expect(await batch('done')).toEqual([]);
    bare = openSqliteStore(join(await stopKeepingData(), 'hub.sqlite'));
    expect(await bare.journalDepth()).toEqual({ entries: 0, alerts: 0 });
  });
});

describe('two hubs over one data file', () => {
  it('each applies the entries it took in; another hub\'s only once they are left unapplied past the orphan time', async () => {
    hub = await startFixtureHub();
    bare = openSqliteStore(join(await stopKeepingData(), 'hub.sqlite'));
    const t0 = '2026-12-01T10:00:00.000Z';
    const [a1, b1, a2] = await bare.appendJournal([
      journalEntryOf({ caller: SENDER, webhook: firing('a1', 1) }, t0, 'hub-a'),
      journalEntryOf({ caller: SENDER, webhook: firing('b1', 2) }, t0, 'hub-b'),
      journalEntryOf({ caller: SENDER, webhook: firing('a2', 3) }, t0, 'hub-a'),
    ]);
    const asB = { hub: 'hub-b', orphanedBefore: '2026-12-01T09:59:00.000Z' };
    expect((await bare.readJournal(100, asB)).map((e) => e.seq)).toEqual([b1]);
    // Hub B prunes the entry it read and nothing of hub A's, though A's came before and after it.
    expect(await bare.pruneJournal([b1!])).toBe(1);
    expect((await bare.readJournal(100, asB)).map((e) => e.seq)).toEqual([]);
    // Left unapplied past the orphan time (hub A stopped): hub B takes them.
    const later = { hub: 'hub-b', orphanedBefore: '2026-12-01T10:01:00.000Z' };
    expect((await bare.readJournal(100, later)).map((e) => e.seq)).toEqual([a1, a2]);
  });
});

describe('the applier', () => {
  it('answers Prometheus once journaled, applies the alerts, and leaves the journal empty', async () => {
    hub = await startFixtureHub();
    const intake = await hub.clientAs('intake', 'prometheus');
    const posted = Array.from({ length: 30 }, (_, i) => ({ labels: { alertname: 'ReaderDown', site: 'JED', n: String(i) } }));
    const answer = await rawRequest(`${hub.url}/api/v2/alerts`, { method: 'POST', token: intake.secret, body: JSON.stringify(posted) });
    expect(answer).toMatchObject({ status: 200, text: '' });
    await waitUntil(async () => (await hub!.admin.listIncidents({ limit: 1000 })).filter((i) => i.labels.alertname === 'ReaderDown').length === 30, {
      what: 'thirty incidents',
      timeoutMs: 10_000,
      describe: () => hub!.logs.join('\n'),
    });
    const metrics = (await rawRequest(`${hub.url}/metrics`)).text;
    expect(metrics).toMatch(/^watchfloor_alerts_applied_total 30$/m);
    expect(metrics).toMatch(/^watchfloor_intake_journal_alerts 0$/m);
    bare = openSqliteStore(join(await stopKeepingData(), 'hub.sqlite'));
    expect(await bare.journalDepth()).toEqual({ entries: 0, alerts: 0 });
  });

  it('applies, at start, what a killed hub left in the journal, in order, and drops an entry it can never apply', async () => {
    hub = await startFixtureHub();
    const adminToken = hub.adminToken!;
    const dir = await stopKeepingData();
    bare = openSqliteStore(join(dir, 'hub.sqlite'));
    const resolved = { alerts: [{ ...firing('one', 1).alerts[0]!, status: 'resolved' as const }] };
    await bare.appendJournal([
      journalEntryOf({ caller: SENDER, webhook: firing('one', 1) }, at()),
      { receivedAt: at(), alerts: 2, entry: '{"caller": "not what the hub wrote"' },
      journalEntryOf({ caller: SENDER, webhook: firing('two', 2) }, at()),
      // After the first one fired: applied in order, it resolves the incident that one opened.
      journalEntryOf({ caller: SENDER, webhook: resolved }, at()),
    ]);
    await bare.close();
    bare = undefined;

    hub = await startFixtureHub({ dir, adminToken });
    const batches = async () => (await hub!.admin.listIncidents({ limit: 1000 })).filter((i) => i.labels.batch);
    let seen: unknown;
    await waitUntil(async () => {
      const now = await batches();
      seen = now.map((i) => [i.labels, i.state]);
      return now.length === 3 && now.some((i) => i.state === 'resolved');
    }, { what: 'the journal applied', timeoutMs: 10_000, describe: () => JSON.stringify(seen) });
    const incidents = await batches();
    expect(incidents.filter((i) => i.labels.batch === 'two')).toHaveLength(2);
    expect(incidents.find((i) => i.labels.batch === 'one')).toMatchObject({ state: 'resolved' });
    await waitUntil(() => hub!.logs.some((l) => /journal entry \d+ \(2 alerts, received .*\) could not be applied and is dropped/.test(l)), {
      what: 'the bad entry dropped with a log line',
      timeoutMs: 5_000,
      describe: () => hub!.logs.join('\n'),
    });
    const metrics = (await rawRequest(`${hub.url}/metrics`)).text;
    expect(metrics).toMatch(/^watchfloor_intake_rejected_total\{reason="apply_failed"\} 1$/m);
    expect(metrics).toMatch(/^watchfloor_intake_journal_alerts 0$/m);
  });
});
