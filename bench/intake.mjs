#!/usr/bin/env node
// Benchmark (not a test): alert intake side by side with its anchor, Debian's
// prometheus-alertmanager, in one run on one machine. Each takes the same
// streams of distinct firing alerts (each a new fingerprint, so each opens an
// incident in the hub) from 16 concurrent senders, one alert per request and
// 100 per request. The senders are bench/intake-sender.c (bench/intake-senders.mjs
// says why; --node-sender: undici in this process, as before). Like with like: Alertmanager's POST /api/v2/alerts against
// the hub's POST /api/v2/alerts, the same body (both answer once the alerts
// are stored: Alertmanager in its memory, the hub in its journal on disk);
// beside them the hub's POST /v1/ingest/alertmanager, whose answer waits until
// the alerts are applied, and the floor: a bare node:http server that reads the
// body and answers 200 (bench/bare-intake.cjs), its ratio to Alertmanager the
// most any Node intake could reach on this machine. The hub (a demo hub at --speed 1, its simulator a
// trickle beside the stream) applies the journal after answering, so for its
// v2 rows the bench also waits until the journal is empty and prints the drain:
// the time from the round's first request until every accepted alert was an
// incident, and the applied alerts/s that gives — acceptance is not incidents
// opened. Rounds alternate the order so a busy moment of this shared machine
// falls on all; the load average before and after is printed because it is
// the noise. A 503 (the hub's backlog bound) is sent again after Retry-After,
// as Alertmanager does, and counted on the round's line; its wait counts in
// the request's latency. Per round: alerts/s and per-request p50/p99; then the median over
// rounds and the hub:Alertmanager ratios. For the hub also the CPU it spent
// per alert (until drained, from /proc): less at the mercy of the other
// processes on a shared machine than alerts/s.
//   npm run build && node bench/intake.mjs [--rounds 5] [--single 2000] [--batched 40] [--senders 16] [--only 'hub v2'] [--node-sender]
//   ALERTMANAGER=/path/to/alertmanager node bench/intake.mjs   (default: prometheus-alertmanager on PATH, installed with apt-get if missing)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { sendersFor } from './intake-senders.mjs';
import { arg, createToken, fmt, ROOT, startDemoHub, summarize } from './lib.mjs';

const ROUNDS = arg('--rounds', 5);
const SINGLE_REQUESTS = arg('--single', 2000);
const BATCHED_REQUESTS = arg('--batched', 40);
const SENDERS = arg('--senders', 16);
const NODE_SENDER = process.argv.includes('--node-sender');
const BATCH = 100;
const SEVERITIES = ['warning', 'major', 'critical', 'sev4'];

/** The Alertmanager binary: $ALERTMANAGER, else Debian's, installed when missing (as root, like .ci/run). */
function alertmanagerBinary() {
  if (process.env.ALERTMANAGER) return process.env.ALERTMANAGER;
  const which = () => {
    try {
      return execFileSync('sh', ['-c', 'command -v prometheus-alertmanager'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  if (which()) return which();
  console.error('prometheus-alertmanager is missing; installing it with apt-get');
  const apt = { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  execFileSync('apt-get', ['update'], apt);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus-alertmanager'], apt);
  return which();
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Alertmanager on a free loopback port, clustering off, with a config that routes nowhere. */
async function startAlertmanager() {
  const bin = alertmanagerBinary();
  const dir = mkdtempSync(join(tmpdir(), 'wf-bench-am-'));
  writeFileSync(join(dir, 'alertmanager.yml'), 'route:\n  receiver: nowhere\nreceivers:\n  - name: nowhere\n');
  const port = await freePort();
  const child = spawn(
    bin,
    [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`alertmanager exited with ${child.exitCode}:\n${stderr}`);
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`alertmanager did not become ready in 15 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  return {
    url,
    version,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The floor (bare-intake.cjs) in a process of its own, as the hub and Alertmanager are. */
async function startBare() {
  // BARE_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles it, beside the hub's profile (HUB_NODE_ARGS).
  const nodeArgs = process.env.BARE_NODE_ARGS ? process.env.BARE_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'bench', 'bare-intake.cjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/bare-intake.cjs exited with ${code}`)));
    child.stdout.once('data', (c) => resolve(Number(String(c).trim())));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

let serial = 0;
/** One firing alert nobody has sent before, on a real asset of the fleet. */
function alertOn(asset) {
  const n = ++serial;
  return {
    labels: { alertname: 'BenchAlert', site: asset.siteId, asset: asset.id, severity: SEVERITIES[n % SEVERITIES.length], n: String(n) },
    annotations: { summary: `bench alert ${n} on ${asset.id}`, description: `bench alert ${n}` },
    startsAt: new Date().toISOString(),
    fingerprint: `bench-${process.pid}-${n}`,
  };
}

// Alertmanager computes fingerprints itself and rejects unknown fields: the v2 body is the alerts without them.
const postable = (alerts) => JSON.stringify(alerts.map(({ fingerprint, ...a }) => a));
const emptyAnswer = (text) => {
  if (text !== '') throw new Error(`expected an empty answer, got ${text.slice(0, 200)}`);
};

// The same alerts, as each receiver takes them.
const TARGETS = {
  alertmanager: { server: 'alertmanager', path: '/api/v2/alerts', body: postable, check: () => {} },
  'bare node': { server: 'bare', path: '/api/v2/alerts', body: postable, check: emptyAnswer },
  'hub v2': { server: 'hub', path: '/api/v2/alerts', body: postable, check: emptyAnswer, drains: true },
  'hub webhook': {
    server: 'hub',
    path: '/v1/ingest/alertmanager',
    body: (alerts) => JSON.stringify({ version: '4', status: 'firing', receiver: 'watchfloor', alerts: alerts.map((a) => ({ status: 'firing', ...a })) }),
    check: (text, perRequest) => {
      // A new alert opens an incident, or confirms the suspected-cause incident the hub opened for its asset (grouping).
      const { created, updated } = JSON.parse(text);
      if (created.length + updated.length !== perRequest) throw new Error(`expected ${perRequest} new or confirmed incidents, got ${text}`);
    },
  },
};
// --only 'hub v2,bare node': those receivers alone (a profile of one path; no ratios without Alertmanager).
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
const NAMES = Object.keys(TARGETS).filter((name) => !ONLY || ONLY.includes(name));

/** The alerts the hub has taken in and not yet applied (its /metrics gauge). */
async function journalBacklog(pool) {
  const res = await pool.request({ path: '/metrics', method: 'GET' });
  const text = await res.body.text();
  const line = text.split('\n').find((l) => l.startsWith('watchfloor_intake_journal_alerts '));
  if (!line) throw new Error('the hub has no watchfloor_intake_journal_alerts gauge: is dist/ built from this checkout?');
  return Number(line.split(' ')[1]);
}

/**
 * Waits until the hub's journal is empty; ms it took from `t0`. Each look is a /metrics scrape, which costs the
 * hub a count of its open incidents (tens of thousands by the last round): looking every 5 ms took a share of
 * the very CPU being measured. So the pause grows with the wait, 2% of it (5 ms at least): the drain time is
 * overstated by 2% at most, and the hub is scraped a few dozen times, not hundreds.
 */
async function drainedSince(pool, t0) {
  while ((await journalBacklog(pool)) > 0) await new Promise((r) => setTimeout(r, Math.max(5, 0.02 * (performance.now() - t0))));
  return performance.now() - t0;
}

/** ms the main thread of a process has waited for a core while runnable (/proc schedstat); undefined elsewhere. */
function waitedMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return undefined;
  }
}

/** CPU ms a process has used (user + system), from /proc — or its main thread's alone (the hub's accepting thread); undefined elsewhere. */
function cpuMs(pid, mainThread = false) {
  try {
    const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, 100 a second on Linux
  } catch {
    return undefined;
  }
}

/** `requests` requests of `perRequest` alerts each, from SENDERS at once; for the hub's v2, also until its journal drained. */
async function round(target, senders, control, headers, assets, requests, perRequest, pid) {
  const bodies = [];
  for (let i = 0; i < requests; i++) bodies.push(target.body(Array.from({ length: perRequest }, () => alertOn(assets[serial % assets.length]))));
  const cpu0 = pid && cpuMs(pid);
  const accepting0 = pid && cpuMs(pid, true);
  const waited0 = pid && waitedMs(pid);
  const t0 = performance.now();
  const { latencies: samples, statuses, answers, refused, wallMs } = await senders.send(target.path, headers, bodies);
  const cpuSent = pid && cpuMs(pid);
  const acceptingSent = pid && cpuMs(pid, true);
  const waitedSent = pid && waitedMs(pid);
  const alerts = requests * perRequest;
  statuses.forEach((status, i) => {
    if (status !== 200) throw new Error(`POST ${target.path} -> ${status} ${answers[i]}`);
    target.check(answers[i], perRequest);
  });
  const drainMs = target.drains ? await drainedSince(control, t0) : undefined;
  const cpuPerAlert = pid && cpu0 !== undefined ? (cpuMs(pid) - cpu0) / alerts : undefined;
  // The hub's CPU while the senders sent, a second a second (1: one core): what it left them and the others.
  const cpuWhileSending = pid && cpu0 !== undefined && cpuSent !== undefined ? (cpuSent - cpu0) / wallMs : undefined;
  // The accepting thread's CPU a request while they sent (µs): its own cost, less at the mercy of the machine's load.
  const acceptingPerRequest = pid && accepting0 !== undefined && acceptingSent !== undefined ? ((acceptingSent - accepting0) * 1000) / requests : undefined;
  // …and how long it waited, runnable, for a core (the machine's other work, the hub's other threads).
  const waitedPerRequest = pid && waited0 !== undefined && waitedSent !== undefined ? ((waitedSent - waited0) * 1000) / requests : undefined;
  return { ...summarize(samples), refused, alertsPerSecond: (alerts * 1000) / wallMs, drainMs, appliedPerSecond: drainMs === undefined ? undefined : (alerts * 1000) / drainMs, cpuPerAlert, cpuWhileSending, acceptingPerRequest, waitedPerRequest };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const loadBefore = load();
const am = await startAlertmanager();
// A start that fails stops what was started before it (an orphaned server holds the bench's output open).
const bare = await startBare().catch(async (e) => {
  await am.stop();
  throw e;
});
// HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the hub (written when it stops).
const hub = await startDemoHub({ speed: 1, nodeArgs: process.env.HUB_NODE_ARGS ? process.env.HUB_NODE_ARGS.split(' ') : [] }).catch(async (e) => {
  await Promise.all([am.stop(), bare.stop()]);
  throw e;
});
// The senders (bench/intake-senders.mjs: C unless --node-sender), and the bench's own requests to the hub (its assets, /metrics).
const built = sendersFor(NODE_SENDER);
const senders = { alertmanager: built.at(am.url, SENDERS), bare: built.at(bare.url, SENDERS), hub: built.at(hub.url, SENDERS) };
const control = new Pool(hub.url, { connections: 2 });
const drainText = (x) =>
  (x.refused ? `   ${x.refused} requests answered 503 (backlog full)${x.overAll ? ' over all rounds' : ''}, sent again after Retry-After` : '') +
  (x.drainMs === undefined ? '' : `   drained in ${(x.drainMs / 1000).toFixed(2)} s: ${String(Math.round(x.appliedPerSecond)).padStart(6)} applied/s`) +
  (x.cpuPerAlert === undefined ? '' : `   CPU ${x.cpuPerAlert.toFixed(2)} ms/alert`) +
  (x.cpuWhileSending === undefined ? '' : `, ${x.cpuWhileSending.toFixed(2)} cores while sending`) +
  (x.acceptingPerRequest === undefined ? '' : `, accepting thread ${Math.round(x.acceptingPerRequest)} µs/request`) +
  (x.waitedPerRequest === undefined ? '' : ` (+${Math.round(x.waitedPerRequest)} waiting for a core)`);
try {
  const adminHeaders = { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json' };
  const res = await control.request({ path: '/v1/assets', method: 'GET', headers: adminHeaders });
  const assets = (await res.body.json()).assets.filter((a) => a.siteId);
  const intakeHeaders = { ...adminHeaders, authorization: `Bearer ${await createToken(hub.url, hub.token, { name: 'bench-alertmanager', role: 'intake' })}` };
  const headers = { alertmanager: { 'content-type': 'application/json' }, bare: { 'content-type': 'application/json' }, hub: intakeHeaders };
  const run = async (name, requests, perRequest) => {
    const target = TARGETS[name];
    // Each hub round starts with the journal empty: none pays for the one before.
    if (target.server === 'hub') await drainedSince(control, performance.now());
    // The bare server's CPU too: the floor's cost a request beside the hub's accepting thread.
    return round(target, senders[target.server], control, headers[target.server], assets, requests, perRequest, target.server === 'hub' ? hub.pid : target.server === 'bare' ? bare.pid : undefined);
  };
  // Warm-up: all pay for their first requests (the hub compiling its code).
  for (const name of NAMES) {
    await run(name, 300, 1);
    await run(name, 10, BATCH);
  }

  console.log(`intake: ${am.version} vs watchfloor hub (demo, --speed 1); ${SENDERS} concurrent senders (${NODE_SENDER ? "undici, in the bench's node process" : 'bench/intake-sender.c'}), distinct firing alerts on fleet assets`);
  console.log(`load average before: ${loadBefore} (1, 5, 15 min; ${availableParallelism()} cores)`);
  const modes = [
    { label: '1 alert per request', requests: SINGLE_REQUESTS, perRequest: 1 },
    { label: `${BATCH} alerts per request`, requests: BATCHED_REQUESTS, perRequest: BATCH },
  ];
  const results = Object.fromEntries(NAMES.map((name) => [name, new Map(modes.map((m) => [m, []]))]));
  for (let r = 1; r <= ROUNDS; r++) {
    for (const m of modes) {
      // Rotate who goes first, so none always meets another's leftovers.
      const order = NAMES.map((_, i) => NAMES[(i + r) % NAMES.length]);
      for (const name of order) {
        const x = await run(name, m.requests, m.perRequest);
        results[name].get(m).push(x);
        console.log(`  round ${r}  ${m.label.padEnd(22)} ${name.padEnd(12)} ${String(Math.round(x.alertsPerSecond)).padStart(7)} alerts/s   per request p50 ${fmt(x.p50)}  p99 ${fmt(x.p99)}${drainText(x)}   load ${load()}`);
      }
    }
  }
  console.log(`median of ${ROUNDS} rounds (p99: the median of each round's p99):`);
  for (const m of modes) {
    const med = (name, f) => median(results[name].get(m).map(f));
    const rate = Object.fromEntries(NAMES.map((name) => [name, med(name, (x) => x.alertsPerSecond)]));
    for (const name of NAMES) {
      const drained = TARGETS[name].server !== 'alertmanager'
        ? drainText({ refused: results[name].get(m).reduce((n, x) => n + x.refused, 0), overAll: true, drainMs: TARGETS[name].drains ? med(name, (x) => x.drainMs) : undefined, appliedPerSecond: med(name, (x) => x.appliedPerSecond), cpuPerAlert: med(name, (x) => x.cpuPerAlert), cpuWhileSending: med(name, (x) => x.cpuWhileSending), acceptingPerRequest: med(name, (x) => x.acceptingPerRequest), waitedPerRequest: med(name, (x) => x.waitedPerRequest) })
        : '';
      console.log(`  ${m.label.padEnd(22)} ${name.padEnd(12)} ${String(Math.round(rate[name])).padStart(7)} alerts/s   per request p50 ${fmt(med(name, (x) => x.p50))}  p99 ${fmt(med(name, (x) => x.p99))}${drained}`);
    }
    if (!['alertmanager', 'bare node', 'hub v2', 'hub webhook'].every((name) => NAMES.includes(name))) continue;
    const applied = med('hub v2', (x) => x.appliedPerSecond);
    console.log(`  ${m.label.padEnd(22)} ratio hub v2/alertmanager ${(rate['hub v2'] / rate.alertmanager).toFixed(2)}x accepted (on disk), ${(applied / rate.alertmanager).toFixed(2)}x applied; hub webhook/alertmanager ${(rate['hub webhook'] / rate.alertmanager).toFixed(2)}x`);
    console.log(`  ${m.label.padEnd(22)} floor: bare node/alertmanager ${(rate['bare node'] / rate.alertmanager).toFixed(2)}x; hub v2/bare node ${(rate['hub v2'] / rate['bare node']).toFixed(2)}x`);
  }
  console.log(`load average after: ${load()}`);
} catch (e) {
  // A round that failed: what the hub said last is usually why.
  console.error(`hub's last words:\n${hub.stderr().slice(-3000)}`);
  throw e;
} finally {
  await Promise.all([...Object.values(senders).map((x) => x.close()), control.close()]);
  built.removeBuild();
  await hub.stop();
  await am.stop();
  await bare.stop();
}
