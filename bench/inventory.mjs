#!/usr/bin/env node
// Benchmark (not a test): the inventory at the demo's size — 103 sites, 4,713
// assets and their dependencies, about 0.9 MiB of JSON. Starts a demo hub
// (which applies demo-inventory.json at start), then times over HTTP, each
// --rounds times: a plan of the file the hub last applied (no changes), an export,
// and a plan and an apply of the file with every site's staff changed (103
// field changes), alternating so each apply changes something. Prints the
// median and p99 of each.
//   npm run build && node bench/inventory.mjs [--rounds 10]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arg, fmt, percentile, startDemoHub } from './lib.mjs';

const ROUNDS = arg('--rounds', 10);
const hub = await startDemoHub({ speed: 1 });
try {
  const name = join(hub.dir, 'demo-inventory.json');
  const text = readFileSync(name, 'utf8');
  const inventory = JSON.parse(text);
  const changed = (n) => JSON.stringify({ ...inventory, sites: inventory.sites.map((s) => ({ ...s, staff: s.staff + n })) });
  const call = async (method, path, body) => {
    const started = performance.now();
    const res = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${hub.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    return { ms: performance.now() - started, answer };
  };
  const times = { 'plan, no changes': [], export: [], 'plan, 103 changes': [], 'apply, 103 changes': [] };
  // What the hub holds now: the demo's file, then each changed one applied.
  let current = text;
  for (let i = 1; i <= ROUNDS; i++) {
    const same = await call('POST', '/v1/inventory/plan', { files: [{ name, text: current }] });
    if (same.answer.plan.changes) throw new Error(`the file the hub applied should plan no changes: ${JSON.stringify(same.answer.plan).slice(0, 600)}`);
    times['plan, no changes'].push(same.ms);
    times.export.push((await call('GET', '/v1/inventory')).ms);
    const files = [{ name: 'changed.json', text: changed(i) }];
    times['plan, 103 changes'].push((await call('POST', '/v1/inventory/plan', { files })).ms);
    const applied = await call('POST', '/v1/inventory/apply', { files });
    if (applied.answer.plan.sites.change.length !== 103) throw new Error('each apply should change 103 sites');
    times['apply, 103 changes'].push(applied.ms);
    current = files[0].text;
  }
  console.log(`inventory of ${inventory.sites.length} sites, ${inventory.assets.length} assets, ${(text.length / 1024 / 1024).toFixed(2)} MiB; ${ROUNDS} rounds`);
  for (const [what, samples] of Object.entries(times)) {
    const sorted = [...samples].sort((a, b) => a - b);
    console.log(`${what.padEnd(20)} p50 ${fmt(percentile(sorted, 50))}  p99 ${fmt(percentile(sorted, 99))}`);
  }
} finally {
  await hub.stop();
}
