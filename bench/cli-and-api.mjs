#!/usr/bin/env node
// Benchmark (not a test): against a running demo hub, how long `watchfloor
// status --json` takes from a cold process compared with bare `node -e 0`
// (goal: ≤ 1.5×), and the hub's API latency for GET /v1/sites and for acks.
//   npm run build && node bench/cli-and-api.mjs [--runs 30] [--requests 2000]
import { spawnSync } from 'node:child_process';
import { Pool } from 'undici';
import { arg, CLI, fmt, startDemoHub, summarize } from './lib.mjs';

const RUNS = arg('--runs', 30);
const REQUESTS = arg('--requests', 2000);
const ACKS = arg('--acks', 300);
const CONCURRENCY = 10;

function timeCommand(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
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

const hub = await startDemoHub();
try {
  // Cold start: alternate the two so machine noise hits both alike.
  const bare = [];
  const status = [];
  timeCommand([CLI, 'status', '--json'], hub.env); // warm the OS file cache once
  for (let i = 0; i < RUNS; i++) {
    bare.push(timeCommand(['-e', '0'], hub.env));
    status.push(timeCommand([CLI, 'status', '--json'], hub.env));
  }
  const b = summarize(bare);
  const s = summarize(status);
  console.log(`cold start over ${RUNS} runs (median):`);
  console.log(`  node -e 0                 ${fmt(b.p50)}`);
  console.log(`  watchfloor status --json  ${fmt(s.p50)}`);
  console.log(`  ratio                     ${(s.p50 / b.p50).toFixed(2)}x   (goal <= 1.50x)`);

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
} finally {
  await hub.stop();
}
