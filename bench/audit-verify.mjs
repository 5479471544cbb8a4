#!/usr/bin/env node
// Benchmark (not a test): what anchoring the audit log costs. Starts a hub
// (no demo world), grows its log through the Alertmanager intake (each alert
// an incident, each incident an audit row), asking for a signed checkpoint
// after every batch, then times: signing a checkpoint on request (sign, fsync,
// log line, event), verifying the chain against the hub's own checkpoint file
// (GET /v1/audit/verify), against the distinct checkpoints sent in the body
// (POST), against many copies of them (as merged copies repeat each other),
// and the CLI's `audit verify --checkpoint FILE` end to end.
//   npm run build && node bench/audit-verify.mjs [--rows 20000] [--kept 10000] [--rounds 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { arg, CLI, createToken, fmt, startCliUntilJson, summarize } from './lib.mjs';

const ROWS = arg('--rows', 20_000);
const KEPT = arg('--kept', 10_000); // checkpoints sent with POST /v1/audit/verify
const ROUNDS = arg('--rounds', 5);
const BATCH = 100;

const dir = mkdtempSync(join(tmpdir(), 'wf-bench-audit-'));
const env = { ...process.env, WATCHFLOOR_CONFIG_DIR: dir, NO_COLOR: '1' };
delete env.WATCHFLOOR_HUB;
delete env.WATCHFLOOR_TOKEN;
const hub = await startCliUntilJson(['hub', 'start', '--port', '0', '--data', join(dir, 'hub.sqlite'), '--json'], env, (line) => line.url);
const { default: config } = await import(join(dir, 'config.json'), { with: { type: 'json' } });
const token = config.profiles.default.token;
const pool = new Pool(hub.value, { connections: 4 });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const intakeHeaders = { ...headers, authorization: `Bearer ${await createToken(hub.value, token, { name: 'bench-alertmanager', role: 'intake' })}` };

async function call(method, path, body) {
  const t0 = performance.now();
  const res = await pool.request({ method, path, headers: path.startsWith('/v1/ingest/') ? intakeHeaders : headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.body.json();
  if (res.statusCode !== 200) throw new Error(`${method} ${path} -> ${res.statusCode} ${JSON.stringify(json)}`);
  return { json, ms: performance.now() - t0 };
}

let serial = 0;
const alerts = () =>
  Array.from({ length: BATCH }, () => ({
    status: 'firing',
    labels: { alertname: 'BenchAlert', severity: 'warning', instance: `bench-${++serial}` },
    annotations: { summary: `bench alert ${serial}` },
    startsAt: new Date().toISOString(),
    fingerprint: `bench-audit-${process.pid}-${serial}`,
  }));

const runCli = (args) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, WATCHFLOOR_HUB: hub.value, WATCHFLOOR_TOKEN: token }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, ms: performance.now() - t0 }));
  });

try {
  const kept = [];
  const signing = [];
  for (let i = 0; i < ROWS / BATCH; i++) {
    await call('POST', '/v1/ingest/alertmanager', { version: '4', status: 'firing', receiver: 'watchfloor', alerts: alerts() });
    const { json, ms } = await call('GET', '/v1/audit/checkpoint');
    kept.push(json.checkpoint);
    signing.push(ms);
  }
  const rows = kept.at(-1).seq;
  const given = Array.from({ length: KEPT }, (_, i) => kept[i % kept.length]);
  const file = join(dir, 'kept.jsonl');
  writeFileSync(file, given.map((c) => JSON.stringify(c)).join('\n') + '\n');

  const get = [];
  const distinct = [];
  const post = [];
  const cli = [];
  for (let r = 0; r < ROUNDS; r++) {
    const own = await call('GET', '/v1/audit/verify');
    if (!own.json.ok) throw new Error(JSON.stringify(own.json));
    get.push(own.ms);
    const once = await call('POST', '/v1/audit/verify', { checkpoints: kept });
    if (!once.json.ok) throw new Error(JSON.stringify(once.json));
    distinct.push(once.ms);
    const sent = await call('POST', '/v1/audit/verify', { checkpoints: given });
    if (!sent.json.ok) throw new Error(JSON.stringify(sent.json));
    post.push(sent.ms);
    const run = await runCli(['audit', 'verify', '--checkpoint', file]);
    if (run.code !== 0) throw new Error(`audit verify --checkpoint exited ${run.code}`);
    cli.push(run.ms);
  }
  const s = summarize(signing);
  console.log(`audit anchoring: ${rows} rows, ${kept.length} checkpoints in the hub's file`);
  console.log(`  GET /v1/audit/checkpoint after a batch (sign, fsync, log, event): p50 ${fmt(s.p50)}  p99 ${fmt(s.p99)}`);
  console.log(`  GET /v1/audit/verify (chain + the hub's ${kept.length} checkpoints): median ${fmt(summarize(get).p50)}`);
  console.log(`  POST /v1/audit/verify with the ${kept.length} distinct checkpoints: median ${fmt(summarize(distinct).p50)}`);
  console.log(`  POST /v1/audit/verify with ${KEPT} checkpoints, copies of those (${Math.round(JSON.stringify({ checkpoints: given }).length / 1024)} KiB): median ${fmt(summarize(post).p50)}`);
  console.log(`  watchfloor audit verify --checkpoint FILE (${KEPT} lines), end to end: median ${fmt(summarize(cli).p50)}`);
} finally {
  await pool.close();
  await hub.stop();
  rmSync(dir, { recursive: true, force: true });
}
