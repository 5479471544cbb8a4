// A 2xx from the alert intake means stored: the built hub, as a child
// process, takes a stream of alerts from several senders (each with its own
// intake token, several alerts a request, so requests share commits) and is
// killed with SIGKILL in the middle of it — no shutdown, requests in flight.
// Some senders post Alertmanager's webhook (answered once applied), others
// Prometheus's POST /api/v2/alerts (answered once in the journal, applied
// after). Restarted on the same data file, it has every alert it answered
// 2xx as an incident — those still in the journal applied at start — and
// its audit chain still verifies. The built hub applies its journal in a
// worker thread: stopped with SIGTERM mid-stream it stops by itself, exit 0
// and "hub stopped" (the worker finishes its batch and closes, nothing hangs), and after a restart
// has every alert it answered 2xx, once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, startCliProcess, type CliEnv, type CliProcess } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest } from '../hub/hub-fixture.js';

const SENDERS = 4;
// Senders of Prometheus's body, beside the webhook's.
const V2_SENDERS = 2;
// Below the incident list's limit of 1,000, so one GET shows them all. Each kind has its own share:
// Prometheus's senders are answered before their alerts are applied, and the applier runs below the
// accepting thread (src/hub/background-thread.ts), so on a shared budget they would spend it all
// before the webhook's senders, who wait for their alerts to be applied, had 150 answered.
const WEBHOOK_BUDGET = 600;
const V2_BUDGET = 300;
const BUDGET = WEBHOOK_BUDGET + V2_BUDGET;

let cli: CliEnv;
let hub: CliProcess<string> | undefined;

const startHub = (data = 'hub.sqlite') =>
  startCliProcess(['hub', 'start', '--port', '0', '--data', join(cli.configDir, data), '--json'], cli.env, (line) =>
    typeof line.url === 'string' ? line.url : undefined,
  );

beforeAll(() => {
  cli = cliEnv();
});

afterAll(async () => {
  await hub?.stop();
  cli.cleanup();
});

describe('the alert intake killed with SIGKILL mid-stream', () => {
  it('has, after a restart, every alert it answered 2xx', async () => {
    hub = await startHub();
    const url = hub.value;
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    const admin = config.profiles[config.activeProfile ?? 'default'].token as string;
    const tokens: string[] = [];
    for (let i = 0; i < SENDERS + V2_SENDERS; i++) {
      const made = await rawRequest(`${url}/v1/tokens`, { method: 'POST', token: admin, body: JSON.stringify({ name: `alertmanager-${i}`, role: 'intake' }) });
      expect(made.status, made.text).toBe(201);
      tokens.push(made.body.secret);
    }

    const acknowledged = new Set<string>();
    let sent = 0;
    let sentV2 = 0;
    let failures = 0;
    // Each sender posts until its kind's budget is spent or the hub is gone; sender i sends i + 1 alerts a request.
    const sender = async (i: number) => {
      for (let n = 0; sent < WEBHOOK_BUDGET; n++) {
        const fingerprints = Array.from({ length: i + 1 }, (_, k) => `kill-${i}-${n}-${k}`);
        sent += fingerprints.length;
        const body = JSON.stringify({
          version: '4',
          alerts: fingerprints.map((fingerprint) => ({ status: 'firing', labels: { alertname: 'LinkDown', sender: String(i) }, fingerprint })),
        });
        try {
          const res = await fetch(`${url}/v1/ingest/alertmanager`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(5_000),
          });
          await res.text();
          if (res.status >= 200 && res.status < 300) for (const f of fingerprints) acknowledged.add(f);
        } catch {
          failures++;
          return; // the hub is gone
        }
      }
    };
    // Prometheus's alerts carry no fingerprint: each is told apart by its `kill` label.
    const acknowledgedV2 = new Set<string>();
    const v2Sender = async (i: number) => {
      for (let n = 0; sentV2 < V2_BUDGET; n++) {
        const names = Array.from({ length: 3 }, (_, k) => `v2-${i}-${n}-${k}`);
        sentV2 += names.length;
        try {
          const res = await fetch(`${url}/api/v2/alerts`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[SENDERS + i]}`, 'content-type': 'application/json' },
            body: JSON.stringify(names.map((kill) => ({ labels: { alertname: 'ReaderDown', kill } }))),
            signal: AbortSignal.timeout(5_000),
          });
          await res.text();
          if (res.status >= 200 && res.status < 300) for (const k of names) acknowledgedV2.add(k);
        } catch {
          failures++;
          return;
        }
      }
    };
    const stream = Promise.all([...Array.from({ length: SENDERS }, (_, i) => sender(i)), ...Array.from({ length: V2_SENDERS }, (_, i) => v2Sender(i))]);
    await waitUntil(() => acknowledged.size >= 150 && acknowledgedV2.size >= 30, {
      what: '150 webhook and 30 Prometheus alerts answered 2xx',
      timeoutMs: 20_000,
      describe: () => `${acknowledged.size} and ${acknowledgedV2.size} so far`,
    });
    const killed = hub.child;
    const gone = new Promise((r) => killed.once('exit', (_code, signal) => r(signal)));
    killed.kill('SIGKILL');
    expect(await gone).toBe('SIGKILL');
    await stream;
    // The kill landed mid-stream: requests were in flight or refused, not all sent and answered.
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.size + acknowledgedV2.size).toBeLessThan(BUDGET);

    hub = await startHub();
    const after = await rawRequest(`${hub.value}/v1/incidents?limit=1000`, { token: admin });
    expect(after.status, after.text).toBe(200);
    const stored = new Set(after.body.incidents.map((i: { fingerprint: string | null }) => i.fingerprint));
    const missing = [...acknowledged].filter((f) => !stored.has(f));
    expect(missing, `${missing.length} of ${acknowledged.size} alerts answered 2xx are missing`).toEqual([]);
    // The journal a SIGKILL left is applied once the hub is up again.
    let left: string[] = [];
    await waitUntil(
      async () => {
        const now = await rawRequest(`${hub!.value}/v1/incidents?limit=1000`, { token: admin });
        const kills = new Set(now.body.incidents.map((i: { labels: Record<string, string> }) => i.labels.kill));
        left = [...acknowledgedV2].filter((k) => !kills.has(k));
        return left.length === 0;
      },
      { what: 'every Prometheus alert answered 2xx as an incident', timeoutMs: 20_000, describe: () => `${left.length} of ${acknowledgedV2.size} missing` },
    );
    const verified = await rawRequest(`${hub.value}/v1/audit/verify`, { token: admin });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.ok).toBe(true);
  }, 90_000);
});

// Prometheus's senders, a full request each, until the budget is spent or the hub stops.
const STOP_SENDERS = 3;
const STOP_PER_REQUEST = 20;

describe('the alert intake stopped with SIGTERM mid-stream', () => {
  it('stops cleanly, and after a restart has every alert it answered 2xx, once', async () => {
    await hub?.stop();
    hub = await startHub('stopped.sqlite');
    const url = hub.value;
    const config = JSON.parse(readFileSync(join(cli.configDir, 'config.json'), 'utf8'));
    const admin = config.profiles[config.activeProfile ?? 'default'].token as string;
    const made = await rawRequest(`${url}/v1/tokens`, { method: 'POST', token: admin, body: JSON.stringify({ name: 'prometheus', role: 'intake' }) });
    expect(made.status, made.text).toBe(201);
    const token = made.body.secret as string;

    const acknowledged = new Set<string>();
    let stopping = false;
    let sent = 0;
    const sender = async (i: number) => {
      for (let n = 0; !stopping && sent < BUDGET; n++) {
        sent += STOP_PER_REQUEST;
        const names = Array.from({ length: STOP_PER_REQUEST }, (_, k) => `stop-${i}-${n}-${k}`);
        try {
          const res = await fetch(`${url}/api/v2/alerts`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(names.map((stop) => ({ labels: { alertname: 'GateDown', stop } }))),
            signal: AbortSignal.timeout(5_000),
          });
          await res.text();
          if (res.status === 200) for (const k of names) acknowledged.add(k);
        } catch {
          return; // the hub is gone
        }
      }
    };
    const stream = Promise.all(Array.from({ length: STOP_SENDERS }, (_, i) => sender(i)));
    await waitUntil(() => acknowledged.size >= 300, { what: '300 alerts answered 2xx', timeoutMs: 20_000, describe: () => `${acknowledged.size} so far` });

    const child = hub.child;
    const stopped = hub;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    child.kill('SIGTERM');
    // It stops by itself and cleanly: nothing sends it another signal (the test's bound is the bound on a
    // hang), it exits 0 and says so — a stop that ended on an unsettled promise (the WAL checkpointer's
    // worker, unref'd, awaited) once exited without "hub stopped".
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stopped.stderr()).toContain('hub stopped');
    stopping = true;
    await stream;
    // The stop landed mid-stream, not after the last request.
    expect(acknowledged.size).toBeLessThan(BUDGET);

    hub = await startHub('stopped.sqlite');
    let incidents: { labels: Record<string, string> }[] = [];
    let left: string[] = [];
    await waitUntil(
      async () => {
        const now = await rawRequest(`${hub!.value}/v1/incidents?limit=1000`, { token: admin });
        incidents = (now.body.incidents as { labels: Record<string, string> }[]).filter((i) => i.labels.stop);
        const stored = new Set(incidents.map((i) => i.labels.stop));
        left = [...acknowledged].filter((k) => !stored.has(k));
        return left.length === 0;
      },
      { what: 'every alert answered 2xx as an incident', timeoutMs: 30_000, describe: () => `${left.length} of ${acknowledged.size} missing` },
    );
    const names = incidents.map((i) => i.labels.stop);
    expect(new Set(names).size).toBe(names.length);
    const verified = await rawRequest(`${hub.value}/v1/audit/verify`, { token: admin });
    expect(verified.status, verified.text).toBe(200);
    expect(verified.body.ok).toBe(true);
  }, 120_000);
});
