// The alert intake under more than it can take, and over a store that cannot
// write: it answers 503 with Retry-After (Alertmanager retries 5xx) rather
// than timing out or dropping, and everything it answered 2xx is stored.
// The hub's app listens on a real loopback port over a real SQLite store;
// the store's transactions can be held at a gate so the queue fills for sure.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type AppOptions } from '../../src/hub/app.js';
import { SYSTEM } from '../../src/hub/caller.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { createHubMetrics } from '../../src/hub/metrics.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { issueToken } from '../../src/hub/tokens/tokens.js';
import { journalEntryOf } from '../../src/hub/incidents/alert-journal.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest } from './hub-fixture.js';

let dir = '';
let file = '';
let store: Store;
let events: HubEvents;
let app: FastifyInstance;
let url = '';
let intakeToken = '';
let adminToken = '';
let gate: { entered: boolean; open: () => void } | undefined;

/** The real store, except that a transaction, or an append to the journal, can be held before it begins. */
function gated(real: Store): Store {
  const held = Object.create(real) as Store;
  const atGate = async () => {
    if (!gate) return;
    const wait = new Promise<void>((r) => (gate!.open = r));
    gate.entered = true;
    await wait;
  };
  held.transaction = async (fn) => {
    await atGate();
    return real.transaction(fn);
  };
  held.appendJournal = async (entries, committed) => {
    await atGate();
    return real.appendJournal(entries, committed);
  };
  return held;
}

/** `left`: what a hub killed before applying it left in the store (written before the app starts). */
async function startApp(options: AppOptions, busyTimeoutMs = 5_000, left?: (store: Store) => Promise<unknown>): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'wf-intake-bp-'));
  file = join(dir, 'hub.sqlite');
  store = openSqliteStore(file, { busyTimeoutMs });
  events = await openHubEvents(store);
  const at = new Date().toISOString();
  adminToken = (await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'root', role: 'admin' }, at))).secret;
  intakeToken = (await store.transaction((tx) => issueToken(tx, SYSTEM, { name: 'alertmanager', role: 'intake' }, at))).secret;
  await left?.(store);
  const metrics = createHubMetrics({ openIncidents: async () => ({ sev1: 0, sev2: 0, sev3: 0, sev4: 0, total: 0 }), sseClients: () => 0 });
  const ctx = { store: gated(store), bus: events.bus, relay: events.relay, metrics, now: () => new Date(), log: () => {}, version: 'test', startedAt: new Date() };
  app = buildApp(ctx, options);
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}

afterEach(async () => {
  gate?.open();
  gate = undefined;
  await app?.close();
  await events?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const webhook = (prefix: string, n: number) =>
  JSON.stringify({
    version: '4',
    alerts: Array.from({ length: n }, (_, i) => ({ status: 'firing', labels: { alertname: 'GateDown', n: String(i) }, fingerprint: `${prefix}-${i}` })),
  });

const post = (body: string, path = '/v1/ingest/alertmanager') =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${intakeToken}`, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  });

const metric = async (name: string) => {
  const text = (await rawRequest(`${url}/metrics`)).text;
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('a full intake queue', () => {
  beforeEach(() => startApp({ intake: { maxWaitingAlerts: 4, retryAfterSeconds: 2 } }));

  it('refuses the request past it with 503 and Retry-After, and every request answered 2xx is stored', async () => {
    expect((await post(webhook('warm', 1))).status).toBe(200); // the token's first use is recorded before the gate
    gate = { entered: false, open: () => {} };
    const first = post(webhook('first', 2));
    await waitUntil(() => gate!.entered, { what: 'the writer to reach the held transaction', timeoutMs: 5_000 });
    const waiting = [post(webhook('second', 2)), post(webhook('third', 2))];
    await waitUntil(async () => (await metric('watchfloor_intake_queue_alerts')) === 4, { what: 'four alerts waiting', timeoutMs: 5_000 });

    const refused = await post(webhook('fourth', 2));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: 'unavailable', details: { intake: 'queue full', waitingAlerts: 4, retryAfterSeconds: 2 } });
    expect(body.error.hint).toContain('nothing of it was stored');
    expect(await metric('watchfloor_intake_rejected_total')).toBe(1);

    const opened = gate;
    gate = undefined;
    opened.open();
    const answers = await Promise.all([first, ...waiting]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const created = (await Promise.all(answers.map((a) => a.json()))).flatMap((r: { created: string[] }) => r.created);
    expect(created).toHaveLength(6);
    const stored = await store.listIncidents({ limit: 100 });
    expect(stored.map((i) => i.id)).toEqual(expect.arrayContaining(created));
    expect(stored.map((i) => i.fingerprint).filter((f) => f?.startsWith('fourth'))).toEqual([]);
    expect(await metric('watchfloor_intake_queue_alerts')).toBe(0);
    expect(await metric('watchfloor_alerts_received_total')).toBe(7);
    // The two waiting requests went in together, in one transaction.
    expect(await metric('watchfloor_intake_commit_requests_bucket{le="1"}')).toBe(2);
    expect(await metric('watchfloor_intake_commit_requests_count')).toBe(3);
  });
});

describe('a store that cannot write', () => {
  beforeEach(() => startApp({}, 100));

  it('answers 503 with Retry-After when the journal cannot be written, stores nothing, and takes the same alerts once it can', async () => {
    expect((await post(webhook('warm', 1))).status).toBe(200);
    const other = new Database(`${file}.journal`);
    try {
      other.exec('BEGIN IMMEDIATE'); // another process holds the journal's write lock past the busy timeout
      const refused = await post(webhook('locked', 3));
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await refused.json()).error).toMatchObject({ code: 'unavailable', details: { storage: 'busy' } });
      const prometheus = await post(JSON.stringify([{ labels: { alertname: 'GateDown', n: 'v2' } }]), '/api/v2/alerts');
      expect(prometheus.status).toBe(503);
      expect(await metric('watchfloor_intake_rejected_total{reason="storage"}')).toBe(2);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect(await store.journalDepth()).toEqual({ entries: 0, alerts: 0 });
    const again = await post(webhook('locked', 3));
    expect(again.status).toBe(200);
    expect((await again.json()).created).toHaveLength(3);
    expect((await store.listIncidents({ limit: 100 })).filter((i) => i.fingerprint?.startsWith('locked'))).toHaveLength(3);
  });

  it('takes alerts in while the data file cannot be written, and applies them once it can; the webhook, whose answer needs them applied, hears 503', async () => {
    expect((await post(webhook('warm', 1))).status).toBe(200);
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE'); // the applier's transaction waits past the busy timeout
      const prometheus = await post(JSON.stringify([{ labels: { alertname: 'GateDown', batch: 'journaled' } }]), '/api/v2/alerts');
      expect(prometheus.status).toBe(200);
      const refused = await post(webhook('held', 2));
      expect(refused.status).toBe(503);
      expect((await refused.json()).error).toMatchObject({ code: 'unavailable', details: { storage: 'busy' } });
      expect(await metric('watchfloor_intake_rejected_total{reason="storage"}')).toBe(1);
      expect((await store.journalDepth()).alerts).toBe(3);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    // On disk in the journal all along: applied once the data file can be written (after Retry-After), each once.
    await waitUntil(async () => (await store.journalDepth()).entries === 0, { what: 'the journal applied', timeoutMs: 10_000 });
    const incidents = await store.listIncidents({ limit: 100 });
    expect(incidents.filter((i) => i.labels.batch === 'journaled')).toHaveLength(1);
    expect(incidents.filter((i) => i.fingerprint?.startsWith('held'))).toHaveLength(2);
    const again = await post(webhook('held', 2));
    expect(again.status).toBe(200);
    expect((await store.listIncidents({ limit: 100 })).filter((i) => i.fingerprint?.startsWith('held'))).toHaveLength(2);
  });
});

describe('a journal whose backlog reached its bound', () => {
  const alerts = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ labels: { alertname: 'GateDown', batch: prefix, n: String(i) } }));
  const incidentsOf = async (prefix: string) => (await store.listIncidents({ limit: 100 })).filter((i) => i.labels.batch === prefix);

  it('answers 503 with Retry-After while the applier is behind, applies what it answered 2xx, and takes alerts again once it caught up', async () => {
    // Three alerts taken in by a hub killed before it applied them; this one's applier is held before its first transaction.
    gate = { entered: false, open: () => {} };
    const webhook = { alerts: alerts('left', 3).map((a) => ({ ...a, status: 'firing' as const, annotations: {} })) };
    await startApp({ intake: { maxJournalAlerts: 3, retryAfterSeconds: 3 } }, 5_000, (s) =>
      s.appendJournal([journalEntryOf({ caller: SYSTEM, webhook }, new Date().toISOString())]),
    );
    await waitUntil(() => gate!.entered, { what: 'the applier to reach the held transaction', timeoutMs: 5_000 });
    expect(await metric('watchfloor_intake_journal_alerts')).toBe(3);

    // Prometheus's body: the same answer Alertmanager gives when it cannot take alerts.
    const refused = await post(JSON.stringify(alerts('refused', 1)), '/api/v2/alerts');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect((await refused.json()).error).toMatchObject({ code: 'unavailable', details: { intake: 'journal full', backlogAlerts: 3, retryAfterSeconds: 3 } });
    expect(await metric('watchfloor_intake_rejected_total{reason="journal_full"}')).toBe(1);

    const opened = gate;
    gate = undefined;
    opened.open();
    await waitUntil(async () => (await incidentsOf('left')).length === 3, { what: 'the journaled alerts applied', timeoutMs: 5_000 });
    expect(await store.journalDepth()).toEqual({ entries: 0, alerts: 0 });
    expect(await metric('watchfloor_intake_journal_alerts')).toBe(0);
    expect(await metric('watchfloor_alerts_applied_total')).toBe(3);
    expect(await incidentsOf('refused')).toEqual([]);

    const again = await post(JSON.stringify(alerts('refused', 1)), '/api/v2/alerts');
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('');
    await waitUntil(async () => (await incidentsOf('refused')).length === 1, { what: 'the alert sent again applied', timeoutMs: 5_000 });
  });
});
