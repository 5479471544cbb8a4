#!/usr/bin/env node
// Benchmark (not a test): against a running demo hub, how long the CLI takes
// from a cold process compared with bare `node -e 0` — for `--version` and the
// read commands a duty officer runs hundreds of times a shift (goal: each
// ≤ 1.2×, the median of 25 interleaved pairs) — and the hub's API latency for
// GET /v1/sites and for acks.
//   npm run build && node bench/cli-and-api.mjs [--runs 25] [--requests 2000] [--cold-only 1]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { arg, CLI, fmt, startDemoHub, summarize } from './lib.mjs';

const RUNS = arg('--runs', 25);
const REQUESTS = arg('--requests', 2000);
const ACKS = arg('--acks', 300);
const COLD_ONLY = arg('--cold-only', 0) === 1;
const CONCURRENCY = 10;
const GOAL = 1.2;

const COLD_COMMANDS = [['--version'], ['status', '--json'], ['incidents', 'list', '--json'], ['sites', 'list', '--json']];
const BARE_GET = fileURLToPath(new URL('./bare-hub-get.cjs', import.meta.url));

function timeCommand(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Each command against bare node in pairs, one right after the other, so
 * machine noise (other processes on a shared machine) hits both alike; the
 * ratio is of the medians.
 */
function coldStart(env, label) {
  for (const args of COLD_COMMANDS) timeCommand([CLI, ...args], env); // warm the OS file cache (and the CLI's own caches) once
  console.log(`cold start ${label}, median of ${RUNS} interleaved pairs with \`node -e 0\` (goal <= ${GOAL.toFixed(2)}x):`);
  const rows = [
    ...COLD_COMMANDS.map((args) => ({ name: `watchfloor ${args.join(' ')}`, argv: [CLI, ...args], goal: true })),
    // The read commands' bytecode comes from V8's code cache after their first run (src/code-cache.ts).
    { name: 'watchfloor status --json, no code cache', argv: [CLI, 'status', '--json'], env: { ...env, WATCHFLOOR_CODE_CACHE: '0' }, note: '  (a first run: compiled from source)' },
    // The floor under each read command: its one hub call, bare (the list paths with the CLI's default filters).
    ...['/v1/status', '/v1/incidents?state=open&children=false', '/v1/sites'].map((path) => ({ name: `anchor: bare node:http GET ${path}`, argv: [BARE_GET, path], note: '  (the floor: no parsing, checks or rendering)' })),
  ];
  for (const { name, argv, goal, note, env: rowEnv = env } of rows) {
    const bare = [];
    const cli = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeCommand(['-e', '0'], env));
      cli.push(timeCommand(argv, rowEnv));
    }
    const b = summarize(bare).p50;
    const c = summarize(cli).p50;
    const verdict = !goal ? note : c / b <= GOAL ? '' : '  (over goal)';
    console.log(`  ${name.padEnd(38)} ${fmt(c).padStart(9)}  vs node ${fmt(b).padStart(9)}  ratio ${(c / b).toFixed(2)}x${verdict}`);
  }
}

/**
 * As the machine is set up, and — when NODE_EXTRA_CA_CERTS is set, which makes
 * every Node start (both sides) parse that CA bundle — once more without it,
 * where `node -e 0` is much faster and the same extra work is a larger ratio.
 */
function coldStarts(env) {
  const extraCa = env.NODE_EXTRA_CA_CERTS;
  coldStart(env, extraCa ? `(NODE_EXTRA_CA_CERTS=${extraCa}, as this machine is set up)` : '(NODE_EXTRA_CA_CERTS unset)');
  if (extraCa) {
    const { NODE_EXTRA_CA_CERTS: _, ...withoutCa } = env;
    coldStart(withoutCa, '(NODE_EXTRA_CA_CERTS unset)');
  }
}

async function latency(total, concurrency, fn) {
  const samples = [];
  let next = 0;
  async function worker() {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await fn(i);
      samples.push(performance.now() - t0);
    }
  }
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ...summarize(samples), wallMs: performance.now() - t0 };
}

/** The hub's API: GET /v1/sites and acks, CONCURRENCY at a time. */
async function apiLatency(hub) {
  const pool = new Pool(hub.url, { connections: CONCURRENCY });
  const headers = { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json', 'x-watchfloor-channel': 'api' };
  const sites = await latency(REQUESTS, CONCURRENCY, async () => {
    const res = await pool.request({ path: '/v1/sites', method: 'GET', headers });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET /v1/sites -> ${res.statusCode}`);
  });
  console.log(`GET /v1/sites  x${sites.n}, ${CONCURRENCY} concurrent: p50 ${fmt(sites.p50)}  p99 ${fmt(sites.p99)}  (${Math.round((sites.n / sites.wallMs) * 1000)} req/s)`);

  const ids = [];
  for (let i = 0; i < ACKS; i++) {
    const res = await pool.request({
      path: '/v1/incidents',
      method: 'POST',
      headers,
      body: JSON.stringify({ title: `bench incident ${i}`, severity: 'sev4', siteId: 'RUH' }),
    });
    const body = await res.body.json();
    if (res.statusCode !== 201) throw new Error(`POST /v1/incidents -> ${res.statusCode} ${JSON.stringify(body)}`);
    ids.push(body.incident.id);
  }
  const acks = await latency(ids.length, CONCURRENCY, async (i) => {
    const res = await pool.request({ path: `/v1/incidents/${ids[i]}/ack`, method: 'POST', headers, body: '{}' });
    await res.body.text();
    if (res.statusCode !== 200) throw new Error(`ack -> ${res.statusCode}`);
  });
  console.log(`POST ack       x${acks.n}, ${CONCURRENCY} concurrent: p50 ${fmt(acks.p50)}  p99 ${fmt(acks.p99)}  (${Math.round((acks.n / acks.wallMs) * 1000)} req/s)`);
  await pool.close();
}

const hub = await startDemoHub();
try {
  coldStarts(hub.env);
  if (!COLD_ONLY) await apiLatency(hub);
} finally {
  await hub.stop();
}
