#!/usr/bin/env node
// Benchmark (not a test): what one ack costs the hub's event loop, and what
// writing its event to 200 streams adds — in CPU and in garbage — apart from
// the latencies, which on a shared machine swing with its load (fanout.mjs
// measures those). A demo hub (--speed 1, no past imported) is measured over
// four phases of equal length, the demo's own work in each:
//   idle · acks at --rate · idle with --clients streams open · acks with them
// and per ack: (acks − idle) is the ack's own cost; (acks with streams − idle
// with streams) − that is its event's fan-out. CPU is the hub's main thread's
// run time (schedstat, ns), which the machine's load barely moves; garbage,
// with --gc, is the scavenges the hub's young generation took in each phase
// and their pauses (bench/hub-probe.cjs): each one is a young generation
// filled, and a pause any ack arriving then waits out.
// Streams are bare sockets in this process that read and drop what comes.
//   npm run build && node bench/ack-cost.mjs [--acks 2000] [--rate 200] [--clients 200] [--gc] [--build DIR]
// --build DIR runs another checkout's built CLI (main's, alternated, for a side-by-side figure);
// HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the hub (written when it stops).
import { connect } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { arg, clockTicks, loadAverage, startDemoHub } from './lib.mjs';

const ACKS = arg('--acks', 2000);
const RATE = arg('--rate', 200);
const CLIENTS = arg('--clients', 200);
const GC = process.argv.includes('--gc');
const i = process.argv.indexOf('--build');
const BUILD = i > 0 ? process.argv[i + 1] : undefined;
const PHASE_MS = (ACKS / RATE) * 1000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const runNs = (pid) => Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
/** The main thread's CPU in the kernel (system calls: sockets, the database file), ms. */
const TICK_MS = 1000 / clockTicks();
const kernelMs = (pid) => {
  const text = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[12]) * TICK_MS;
};

async function post(pool, token, path, body) {
  const res = await pool.request({ path, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.body.text();
  if (res.statusCode >= 300) throw new Error(`POST ${path} -> ${res.statusCode} ${text}`);
  return JSON.parse(text);
}

async function openIncidents(pool, token, n) {
  const ids = [];
  for (let k = 0; k < n; k += 50) {
    const batch = await Promise.all(Array.from({ length: Math.min(50, n - k) }, (_, j) => post(pool, token, '/v1/incidents', { title: `ack cost #${k + j}`, severity: 'sev4' })));
    ids.push(...batch.map((r) => r.incident.id));
  }
  return ids;
}

/** Acks `ids` at RATE a second (open loop), each checked to have changed its incident. */
async function ackAll(pool, token, ids) {
  const start = performance.now() + 20;
  await Promise.all(
    ids.map(async (id, k) => {
      await sleep(Math.max(0, start + (k * 1000) / RATE - performance.now()));
      const res = await post(pool, token, `/v1/incidents/${id}/ack`, {});
      if (!res.changed) throw new Error(`ack ${id} changed nothing`);
    }),
  );
}

const DROP = Buffer.alloc(256 * 1024);
function openStream(url, token) {
  return new Promise((resolveOpen, reject) => {
    const { hostname, port } = new URL(url);
    let bytes = 0;
    const socket = connect({ host: hostname, port: Number(port), noDelay: true, onread: { buffer: DROP, callback: (n) => void (bytes += n) } }, () => {
      socket.write(`GET /v1/events HTTP/1.1\r\nhost: ${hostname}:${port}\r\nauthorization: Bearer ${token}\r\naccept: text/event-stream\r\n\r\n`);
      resolveOpen({ bytes: () => bytes, close: () => socket.destroy() });
    });
    socket.on('error', reject);
  });
}

/** The hub's probe, asked for its figures since it was last asked: its scavenges (count, ms). */
async function scavengesSince(pid, file, seen) {
  process.kill(pid, 'SIGUSR2');
  for (let t = 0; t < 200; t++) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    if (lines.length > seen.count) {
      seen.count = lines.length;
      const minor = JSON.parse(lines.at(-1)).gc.minor ?? { count: 0, ms: 0 };
      return { count: minor.count, ms: minor.ms };
    }
    await sleep(50);
  }
  throw new Error('the hub probe did not answer');
}

async function main() {
  const nodeArgs = (process.env.HUB_NODE_ARGS ?? '').split(' ').filter(Boolean);
  let probe;
  if (GC) {
    probe = join(mkdtempSync(join(tmpdir(), 'wf-ack-cost-')), 'probe.jsonl');
    process.env.WF_HUB_PROBE = probe;
    writeFileSync(probe, '');
    nodeArgs.push('--require', fileURLToPath(new URL('./hub-probe.cjs', import.meta.url)));
  }
  const hub = await startDemoHub({ speed: 1, extraArgs: ['--demo-past', '0'], nodeArgs, cli: BUILD ? join(resolve(BUILD), 'bin', 'watchfloor.js') : undefined });
  const pool = new Pool(new URL(hub.url).origin, { connections: 16 });
  const streams = [];
  const seen = { count: 0 };
  const figures = {};
  try {
    const ids = await openIncidents(pool, hub.token, 2 * ACKS + 200);
    // Warm-up: the first acks pay for compiling the hub's code.
    await ackAll(pool, hub.token, ids.splice(0, 200));
    const phase = async (name, work) => {
      await sleep(300);
      if (GC) await scavengesSince(hub.pid, probe, seen);
      const ns0 = runNs(hub.pid);
      const k0 = kernelMs(hub.pid);
      await Promise.all([work(), sleep(PHASE_MS)]);
      figures[name] = { cpuMs: (runNs(hub.pid) - ns0) / 1e6, kernelMs: kernelMs(hub.pid) - k0, gc: GC ? await scavengesSince(hub.pid, probe, seen) : undefined };
    };
    await phase('idle', async () => {});
    await phase('acks', () => ackAll(pool, hub.token, ids.splice(0, ACKS)));
    for (let k = 0; k < CLIENTS; k++) streams.push(await openStream(hub.url, hub.token));
    await phase('idle, streams', async () => {});
    await phase('acks, streams', () => ackAll(pool, hub.token, ids.splice(0, ACKS)));
    if (streams.some((s) => s.bytes() === 0)) throw new Error('a stream read nothing');
  } finally {
    for (const s of streams) s.close();
    await pool.close();
    await hub.stop();
    if (probe) rmSync(dirname(probe), { recursive: true, force: true });
  }
  const f = figures;
  const per = (key) => (x) => ((f[x[0]][key] - f[x[1]][key]) / ACKS) * 1000;
  const ackCpu = per('cpuMs')(['acks', 'idle']);
  const withCpu = per('cpuMs')(['acks, streams', 'idle, streams']);
  console.log(`ack cost: ${ACKS} acks at ${RATE}/s, ${CLIENTS} streams, build ${BUILD ?? 'this checkout'}, load average ${loadAverage()}`);
  for (const [name, v] of Object.entries(f)) console.log(`  ${name.padEnd(14)} main thread ${v.cpuMs.toFixed(0)} ms (in the kernel ${v.kernelMs.toFixed(0)}) over ${PHASE_MS} ms${v.gc ? `, ${v.gc.count} scavenges (${v.gc.ms.toFixed(0)} ms)` : ''}`);
  const ackKernel = per('kernelMs')(['acks', 'idle']);
  const withKernel = per('kernelMs')(['acks, streams', 'idle, streams']);
  console.log(`  per ack: main thread ${ackCpu.toFixed(0)} µs (kernel ${ackKernel.toFixed(0)}); its event to ${CLIENTS} streams ${(withCpu - ackCpu).toFixed(0)} µs more (kernel ${(withKernel - ackKernel).toFixed(0)})`);
}

await main();
