// The built hub applies its alert journal in a worker thread. Stopped with
// SIGTERM in the middle of a stream of alerts, it must stop by itself (the
// worker finishes its batch and closes, nothing hangs);
// started again on the same file, every alert it answered 2xx is an incident
// — those the worker had not reached yet applied at the new start — each
// once, and its audit chain verifies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, startCliProcess, type CliEnv, type CliProcess } from '../helpers/cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { rawRequest } from '../hub/hub-fixture.js';

const SENDERS = 3;
const PER_REQUEST = 20;
// Below the incident list's limit of 1,000, so one GET shows them all.
const BUDGET = 900;

let cli: CliEnv;
let hub: CliProcess<string> | undefined;

const startHub = () =>
  startCliProcess(['hub', 'start', '--port', '0', '--data', join(cli.configDir, 'hub.sqlite'), '--json'], cli.env, (line) =>
    typeof line.url === 'string' ? line.url : undefined,
  );

beforeAll(() => {
  cli = cliEnv();
});

afterAll(async () => {
  await hub?.stop();
  cli.cleanup();
});

describe('the alert intake stopped with SIGTERM mid-stream', () => {
  it('stops cleanly, and after a restart has every alert it answered 2xx, once', async () => {
    hub = await startHub();
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
        sent += PER_REQUEST;
        const names = Array.from({ length: PER_REQUEST }, (_, k) => `stop-${i}-${n}-${k}`);
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
    const stream = Promise.all(Array.from({ length: SENDERS }, (_, i) => sender(i)));
    await waitUntil(() => acknowledged.size >= 300, { what: '300 alerts answered 2xx', timeoutMs: 20_000, describe: () => `${acknowledged.size} so far` });

    const child = hub.child;
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    child.kill('SIGTERM');
    // It stops by itself: nothing sends it another signal, and the test's bound is the bound on a hang.
    // (Its exit code mid-stream is 13 on main as well — a shutdown that ends on an unsettled promise — not checked here.)
    expect(await exited).toBeNull();
    stopping = true;
    await stream;
    // The stop landed mid-stream, not after the last request.
    expect(acknowledged.size).toBeLessThan(BUDGET);

    hub = await startHub();
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
