#!/usr/bin/env node
// Benchmark (not a test): the auto path end to end on the demo fleet. Starts
// `hub start --demo --auto-remediate all` with a fixed seed, injects faults
// drawn from the emulator's own mix (fixed seed) into healthy devices at a
// controlled rate, follows each one's incident to its verdict, and prints:
//   - the remote-resolution rate (fixed + mitigated of all verdicts) against
//     the share of the drawn faults that are remotely fixable at all;
//   - false resolutions: incidents resolved remotely while the injected fault
//     is still present in the emulator's ground truth (must be 0);
//   - median and p95 time from injection to verdict, and the wall time;
// then times `watchfloor diag fleet` sweeping every asset of the 103 sites.
//   npm run build && node bench/remote-resolution.mjs [--faults 1000] [--rate 25] [--seed 11]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { arg, CLI, fmt, percentile, startDemoHub } from './lib.mjs';

const FAULTS = arg('--faults', 1000);
const RATE = arg('--rate', 25); // injections per second
const MAX_PENDING = arg('--max-pending', 150); // faults awaiting a verdict at once
const SEED = arg('--seed', 11);
const VERDICT_TIMEOUT_MS = arg('--verdict-timeout', 90_000);
const POLL_MS = 500;

// mulberry32: small, fast, and the same draws for the same seed everywhere.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function json(pool, method, path, { headers = {}, body } = {}) {
  const res = await pool.request({
    path,
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** Follow the hub's server-sent events, calling `onEvent` with each HubEvent. */
async function followEvents(hubUrl, token, onEvent, signal) {
  const res = await fetch(`${hubUrl}/v1/events?token=${encodeURIComponent(token)}`, { signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok) throw new Error(`GET /v1/events -> ${res.status}`);
  const decoder = new TextDecoder();
  let pending = '';
  (async () => {
    try {
      for await (const chunk of res.body) {
        pending += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const frame = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) onEvent(JSON.parse(data.slice(6)));
        }
      }
    } catch (e) {
      if (!signal.aborted) console.error(`event stream ended: ${e.message}`);
    }
  })();
}

const hub = await startDemoHub({ seed: SEED, speed: 1, extraArgs: ['--auto-remediate', 'all'] });
const config = JSON.parse(readFileSync(join(hub.dir, 'config.json'), 'utf8'));
const { sim: simUrl, simToken } = config.profiles[config.activeProfile ?? 'default'];
if (!simUrl || !simToken) throw new Error('the demo hub did not store its emulator URL and control token as profile keys sim and simToken');
const hubPool = new Pool(hub.url, { connections: 16 });
const simPool = new Pool(simUrl, { connections: 16 });
/** A call to the emulator's control endpoint, with its token. */
const simJson = (method, path, options = {}) => json(simPool, method, path, { ...options, headers: { authorization: `Bearer ${simToken}`, ...options.headers } });
const auth = { authorization: `Bearer ${hub.token}`, 'x-watchfloor-channel': 'api' };
const events = new AbortController();

try {
  const mix = (await simJson('GET', '/control/v1/fault-kinds')).body;
  const assets = (await json(hubPool, 'GET', '/v1/assets', { headers: auth })).body.assets;
  const assetsByKind = new Map();
  for (const a of assets) assetsByKind.set(a.kind, [...(assetsByKind.get(a.kind) ?? []), a]);
  const entries = mix.faultKinds.filter((k) => k.share > 0 && assetsByKind.has(k.assetKind));
  const totalShare = entries.reduce((s, k) => s + k.share, 0);
  const random = rng(SEED);
  const draw = () => {
    let r = random() * totalShare;
    for (const k of entries) if ((r -= k.share) <= 0) return k;
    return entries.at(-1);
  };

  /** assetId -> the fault injected there, until its verdict. */
  const pending = new Map();
  const done = [];
  const byIncident = new Map();

  const settle = (f, verdict) => {
    if (f.verdict) return;
    f.verdict = verdict;
    f.verdictMs = performance.now() - f.injectedAt;
    pending.delete(f.assetId);
    if (f.incidentId) byIncident.delete(f.incidentId);
    done.push(f);
    if (verdict === 'fixed') checkGroundTruth(f);
    // The technician's visit: a dispatched device is repaired on site so the world stays clean.
    if (verdict === 'dispatched') simJson('DELETE', `/control/v1/faults/${f.assetId}`).catch(() => undefined);
  };

  // A fix counts only if the fault is gone from the world: ask the world, right after.
  const falseResolutions = [];
  const checks = [];
  const checkGroundTruth = (f) => {
    checks.push(
      simJson('GET', `/control/v1/faults?site=${encodeURIComponent(f.siteId ?? '')}`).then(({ body }) => {
        const still = body.faults.find((g) => g.id === f.faultId && !g.mitigated);
        if (still) falseResolutions.push({ ...f, still });
      }),
    );
  };

  const onIncident = (incident) => {
    const f = incident.assetId ? pending.get(incident.assetId) : undefined;
    if (!f) return; // the simulator's own faults, or one already settled
    if (!f.incidentId && incident.state !== 'resolved') {
      f.incidentId = incident.id;
      byIncident.set(incident.id, f);
    }
    if (f.incidentId !== incident.id) return;
    if (incident.state === 'dispatched') settle(f, 'dispatched');
    else if (incident.state === 'resolved') {
      settle(f, incident.resolvedBy?.id === 'system' ? (/^fixed remotely/.test(incident.summary ?? '') ? 'fixed' : 'resolved-healthy') : 'resolved-other');
    }
  };
  await followEvents(hub.url, hub.token, (e) => {
    if (e.type === 'incident.created' || e.type === 'incident.updated') onIncident(e.data);
  }, events.signal);

  // A mitigation leaves the incident open with a note: look at the timelines of those still waiting.
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await sleep(POLL_MS);
      const now = performance.now();
      const waiting = [...byIncident.values()].filter((f) => !f.verdict && now - f.injectedAt > 1_000);
      await Promise.all(
        waiting.map(async (f) => {
          const { status, body } = await json(hubPool, 'GET', `/v1/incidents/${f.incidentId}`, { headers: auth });
          if (status !== 200 || f.verdict) return;
          onIncident(body.incident);
          if (!f.verdict && body.timeline.some((t) => t.kind === 'note' && t.text.includes(': mitigated'))) settle(f, 'mitigated');
        }),
      );
      for (const f of pending.values()) if (now - f.injectedAt > VERDICT_TIMEOUT_MS) settle(f, 'timeout');
    }
  })();

  // Inject at RATE per second, never more than MAX_PENDING awaiting verdicts.
  const t0 = performance.now();
  const drawn = [];
  let conflicts = 0;
  for (let i = 0; i < FAULTS; ) {
    while (pending.size >= MAX_PENDING) await sleep(20);
    const due = t0 + (i * 1000) / RATE;
    if (performance.now() < due) await sleep(due - performance.now());
    const kind = draw();
    const candidates = assetsByKind.get(kind.assetKind);
    const asset = candidates[Math.floor(random() * candidates.length)];
    if (pending.has(asset.id)) continue;
    const f = { assetId: asset.id, siteId: asset.siteId, fault: kind.fault, remedy: kind.remedy, hardware: kind.hardware, field: kind.field, injectedAt: performance.now() };
    pending.set(asset.id, f);
    const res = await simJson('POST', '/control/v1/faults', { body: { assetId: asset.id, fault: kind.fault } });
    if (res.status === 409) {
      // The simulator got there first; draw again (the kind is redrawn too, keeping the mix).
      pending.delete(asset.id);
      conflicts++;
      continue;
    }
    if (res.status !== 201) throw new Error(`inject ${asset.id} ${kind.fault} -> ${res.status} ${JSON.stringify(res.body)}`);
    f.faultId = res.body.fault.id;
    drawn.push(f);
    i++;
  }
  const injectWallMs = performance.now() - t0;
  while (pending.size) await sleep(50);
  const wallMs = performance.now() - t0;
  polling = false;
  await poller;
  await Promise.all(checks);

  const count = (v) => done.filter((f) => f.verdict === v).length;
  const fixed = count('fixed');
  const mitigated = count('mitigated');
  const dispatched = count('dispatched');
  const verdicts = fixed + mitigated + dispatched;
  const fixable = drawn.filter((f) => f.remedy !== 'none').length;
  const times = done.filter((f) => ['fixed', 'mitigated', 'dispatched'].includes(f.verdict)).map((f) => f.verdictMs).sort((a, b) => a - b);
  const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

  console.log(`remote resolution: ${FAULTS} faults from the emulator's mix (seed ${SEED}), injected at ${RATE}/s (${(injectWallMs / 1000).toFixed(1)} s), auto-remediate all`);
  console.log(`  verdicts: ${fixed} fixed, ${mitigated} mitigated, ${dispatched} dispatched`);
  console.log(`  other:    ${count('resolved-healthy')} resolved as healthy, ${count('resolved-other')} resolved by someone else, ${count('timeout')} no verdict within ${VERDICT_TIMEOUT_MS / 1000} s; ${conflicts} draws redrawn (device already faulted)`);
  console.log(`  remote-resolution rate  ${pct(fixed + mitigated, verdicts)}   (goal >= 95%; fixable share of the faults drawn ${pct(fixable, drawn.length)}, of the mix ${pct(mix.remotelyHandledShare, 1)})`);
  console.log(`  false resolutions       ${falseResolutions.length}   (must be 0)`);
  for (const f of falseResolutions.slice(0, 5)) console.log(`    ${f.assetId} ${f.fault} (${f.incidentId}) still present`);
  console.log(`  time to verdict         median ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  max ${fmt(times.at(-1) ?? NaN)}`);
  console.log(`  wall time               ${(wallMs / 1000).toFixed(1)} s`);

  // The whole fleet through the CLI, as a duty officer would run it.
  const s0 = performance.now();
  const sweep = spawnSync(process.execPath, [CLI, 'diag', 'fleet', '--json'], { env: hub.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const sweepMs = performance.now() - s0;
  if (sweep.status !== 0) throw new Error(`diag fleet exited ${sweep.status}: ${sweep.stderr}`);
  const summary = JSON.parse(sweep.stdout.trimEnd().split('\n').at(-1));
  console.log(
    `diag fleet (every asset of ${new Set(assets.map((a) => a.siteId).filter(Boolean)).size} sites): ${summary.assets} assets in ${(sweepMs / 1000).toFixed(1)} s wall ` +
      `(hub ${(summary.wallMs / 1000).toFixed(1)} s): ${summary.healthy} healthy, ${summary.planned} with findings, ${summary.unreachable} unreachable   (goal: well inside 60 s)`,
  );
  if (falseResolutions.length) process.exitCode = 1;
} finally {
  events.abort();
  await hubPool.close();
  await simPool.close();
  await hub.stop();
}
