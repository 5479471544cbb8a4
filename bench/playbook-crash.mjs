// The durable runner under crashes: N runs (default 100) of a built-in
// playbook as a drill (egate-bank-failure, loaded by the hub's own loader
// from playbooks/), the hub process killed with SIGKILL at a random moment of
// each, a new hub process started on the same data file, and the run
// followed to its end. The devices are a process of their own (the demo's
// emulator) that lives through every kill and counts what it really did per
// idempotency key.
//
// The bench plays the duty officer the playbook asks for: it ticks every
// checklist item as soon as a checklist waits (that is the playbook's design,
// not the crash's doing, and is counted apart), and between runs a
// technician repairs on site whatever a drill left broken, so each run starts
// on a working gate bank.
//
// Prints: how many runs were resumed by the next hub, how many steps with an
// effect ran twice (goal 0: a device action applied more than once for one
// step, or a second notify message or mode switch for one step), the runs
// that needed a person because of the crash and why (this script then acts
// as that person: a drill fault that is there is resumed past, one that is
// not is retried), and the runner's own time per step (p50/p99: journal
// writes and events around each step's work, from the attempts' runnerMs).
//
//   node bench/playbook-crash.mjs [--runs 100] [--seed 7] [--window-ms 1000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { crashChild } from '../test/helpers/crash-hub/bundle.mjs';
import { arg, fmt, summarize } from './lib.mjs';

const RUNS = arg('--runs', 100);
const WINDOW_MS = arg('--window-ms', 1_000);
let seed = arg('--seed', 7);
// A small seeded generator, so a run of the bench can be repeated.
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const PLAYBOOK = 'egate-bank-failure';
// The playbook's own defaults (site RUH, gate RUH/egate-01, the next gate RUH/egate-02) name this fleet.
const SITE = { id: 'RUH', name: { en: 'King Khalid International Airport', ar: 'مطار الملك خالد الدولي' }, kind: 'air', region: 'Riyadh', city: 'Riyadh', cityAr: null, lat: 24.96, lon: 46.7, neighbour: null, annualPassengers: null, staff: 880, source: null };
const asset = (id, kind) => ({ id, siteId: 'RUH', kind, name: id, health: 'ok', managementUrl: null });
const ASSETS = [asset('RUH/egate-01', 'egate'), asset('RUH/egate-02', 'egate'), asset('RUH/egate-03', 'egate'), asset('RUH/link-primary', 'network-link')];
const CREDENTIALS = { control: 'wfsim_crash-bench-control', device: 'wfdev_crash-bench-device' };

async function startChild(file, config) {
  const child = spawn(process.execPath, [file], { env: { PATH: process.env.PATH ?? '', WF_CRASH_CHILD: JSON.stringify(config) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const gone = new Promise((resolve) => child.once('exit', resolve));
  const first = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${config.mode} did not start: ${stderr}`)), 30_000);
    child.stdout.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.once('exit', (code) => reject(new Error(`${config.mode} exited with ${code}: ${stderr}`)));
  });
  return {
    ...first,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await gone;
    },
  };
}

const call = async (url, token, method, path, body) => {
  const res = await fetch(new URL(path, url), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(15_000),
  });
  const value = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(value)}`);
  return value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ENDED = ['succeeded', 'failed', 'aborted'];
const control = (path, method = 'GET') =>
  fetch(`${devices.url}/control/v1${path}`, { method, headers: { authorization: `Bearer ${CREDENTIALS.control}` }, signal: AbortSignal.timeout(15_000) }).then((r) => r.json());
/** `${name}` in a step's field, filled from the run's inputs (the bench only reads the inject's asset). */
const filled = (value, inputs) => String(value).replace(/\$\{([^}]+)\}/g, (_, name) => String(inputs[name] ?? ''));

/**
 * Moves the run along as the duty officer would — every checklist ticked as
 * soon as it waits — until it ends, pauses (needs a person), or `until`
 * passes. The bench's only poll, bounded.
 */
async function drive(hub, runId, until = Infinity) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const detail = await call(hub.url, token, 'GET', `/v1/playbook-runs/${runId}`);
    const { status, waitingOn, currentStep } = detail.run;
    if (ENDED.includes(status) || status === 'paused' || Date.now() >= until) return detail;
    if (status === 'waiting' && waitingOn === 'checklist') {
      const step = detail.definition.steps.find((x) => x.id === currentStep);
      await call(hub.url, token, 'POST', `/v1/playbook-runs/${runId}/confirm`, { step: currentStep, items: step.items.map((_, i) => i + 1) });
      outcome.checklists++;
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${runId} did not settle: ${status} (${waitingOn}) at ${currentStep}`);
    await sleep(Math.min(50, Math.max(0, until - Date.now())));
  }
}

const file = await crashChild();
const dir = mkdtempSync(join(tmpdir(), 'wf-crash-bench-'));
const devices = await startChild(file, { mode: 'devices', assets: ASSETS, ...CREDENTIALS, effortMs: [50, 300] });
// No playbooks in the configuration: the hub loads the built-ins from playbooks/ as it does in production.
const hubConfig = { mode: 'hub', dataFile: join(dir, 'hub.sqlite'), sites: [SITE], assets: ASSETS, devicesUrl: devices.url, ...CREDENTIALS };

let hub = await startChild(file, hubConfig);
const token = hub.adminToken;
const outcome = { resumed: 0, endedBeforeKill: 0, ended: {}, people: [], checklists: 0 };
const runIds = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // A technician repaired on site whatever the last drill left broken (the playbook reboots only the gate that alerted).
    for (const f of (await control('/faults')).faults) await control(`/faults/${f.assetId}`, 'DELETE');
    // The drill's incident, opened by an officer for the site; the run starts on it. (On the gate itself it
    // would hold the gate's health at down until resolved, and the playbook's "gate back?" checks read that.)
    const incident = await call(hub.url, token, 'POST', '/v1/incidents', { title: `drill ${i + 1}: e-gates down`, severity: 'sev2', siteId: 'RUH' });
    const { run } = await call(hub.url, token, 'POST', '/v1/playbook-runs', { playbook: PLAYBOOK, incident: incident.incident?.id ?? incident.id, drill: true });
    runIds.push(run.id);
    let detail = await drive(hub, run.id, Date.now() + random() * WINDOW_MS);
    await hub.kill();
    const killedAt = Date.now();
    hub = await startChild(file, hubConfig);
    detail = await drive(hub, run.id);
    while (detail.run.status === 'paused') {
      // The bench as the person the run asks for: look at the world, then decide.
      const step = detail.definition.steps.find((x) => x.id === detail.run.currentStep);
      const assetId = filled(step.asset ?? step.target ?? '', detail.run.inputs);
      const there = (await control('/faults')).faults.some((f) => f.assetId === assetId && f.source === 'injected');
      outcome.people.push({ run: run.id, why: detail.run.reason, did: there ? `the fault was on ${assetId}: resumed past the step` : `no fault on ${assetId}: retried the step` });
      if (there) await call(hub.url, token, 'POST', `/v1/playbook-runs/${run.id}/resume`, {});
      else await call(hub.url, token, 'POST', `/v1/playbook-runs/${run.id}/retry`, { step: detail.run.currentStep });
      detail = await drive(hub, run.id);
    }
    if (Date.parse(detail.run.endedAt) > killedAt) outcome.resumed++;
    else outcome.endedBeforeKill++;
    outcome.ended[detail.run.status] = (outcome.ended[detail.run.status] ?? 0) + 1;
    if (detail.run.status !== 'succeeded') console.log(`  ${run.id} ${detail.run.status}: ${detail.run.reason}`);
  }

  // What the devices really did, per key, against what each run's journal says it asked.
  const applied = (await control('/actions')).actions;
  const byKey = new Map(applied.map((a) => [a.idempotencyKey, a]));
  let twice = 0;
  const runnerMs = [];
  const twiceWhere = [];
  for (const id of runIds) {
    const d = await call(hub.url, token, 'GET', `/v1/playbook-runs/${id}`);
    for (const s of d.steps) {
      const effective = s.attempts.filter((a) => a.status === 'done' || a.status === 'started');
      for (const a of s.attempts) if (typeof a.runnerMs === 'number') runnerMs.push(a.runnerMs);
      if (s.type === 'remediate') {
        const count = effective.reduce((n, a) => n + (byKey.get(a.idempotencyKey)?.applied ?? 0), 0);
        if (count > 1) twiceWhere.push(`${id} ${s.id}: applied ${count} times`);
      }
    }
    const messages = new Map();
    for (const n of d.notifications) messages.set(n.stepId, (messages.get(n.stepId) ?? 0) + 1);
    for (const [stepId, n] of messages) if (n > 1) twiceWhere.push(`${id} ${stepId}: ${n} messages`);
  }
  const audit = await call(hub.url, token, 'GET', '/v1/audit?limit=10000');
  const switches = new Map();
  for (const e of audit.entries.filter((x) => x.action === 'site.mode')) {
    const k = `${e.detail.runId} ${e.detail.mode}`;
    switches.set(k, (switches.get(k) ?? 0) + 1);
  }
  for (const [k, n] of switches) if (n > 1) twiceWhere.push(`${k}: switched ${n} times`);
  twice = twiceWhere.length + applied.filter((a) => a.applied > 1).length;

  const overhead = summarize(runnerMs);
  console.log(`playbook-crash: ${RUNS} runs of the built-in ${PLAYBOOK} as a drill, each hub killed with SIGKILL at a random moment (0–${WINDOW_MS / 1000} s into the run)`);
  console.log(`runs resumed by the next hub: ${outcome.resumed} (${outcome.endedBeforeKill} had ended before the kill)`);
  console.log(`runs ended: ${Object.entries(outcome.ended).map(([s, n]) => `${s} ${n}`).join(', ')}`);
  console.log(`steps with effects run twice: ${twice} (goal 0)`);
  for (const w of twiceWhere) console.log(`  ${w}`);
  console.log(`device actions: ${applied.length} keys, ${applied.reduce((n, a) => n + a.applied, 0)} carried out, ${applied.reduce((n, a) => n + a.replayed, 0)} replayed`);
  console.log(`checklists the playbook asks a person to tick, ticked by the bench: ${outcome.checklists}`);
  console.log(`runs that needed a person because of the crash: ${outcome.people.length}`);
  for (const p of outcome.people) console.log(`  ${p.run}: ${p.why.split(':')[0]} → ${p.did}`);
  console.log(`runner overhead per step: p50 ${fmt(overhead.p50)}, p99 ${fmt(overhead.p99)} (${overhead.n} step attempts)`);
} finally {
  await hub.kill();
  await devices.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
