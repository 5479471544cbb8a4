#!/usr/bin/env node
// Benchmark (not a test): what writing the hub's events to N event-stream
// clients costs the hub's process, in CPU time, which a shared machine's load
// disturbs far less than the latencies bench/fanout.mjs reports. The bus and
// SSE streams of a checkout's sources (bundled with esbuild) serve N clients
// on 127.0.0.1 in a child process; the bench publishes as a busy hub does —
// five incident updates per publish (acks at 200/s, coalesced over 25 ms;
// --batch 1: each ack published on its own), and one telemetry batch of 103
// sites every 40th — and prints the serving process's CPU per publish (user
// and system) and per incident update, the median over rounds.
//   node bench/fanout-cpu.mjs [--clients 200] [--publishes 400] [--rounds 3] [--batch 5] [--slice N] [--src DIR]
// --src DIR measures another checkout's sources (e.g. /work/main) for a side-by-side run.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { arg, ROOT } from './lib.mjs';

const option = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

// The clients' side, in a child process: open N streams, count what arrives.
if (process.argv[2] === '--serve-clients') {
  const [port, n] = process.argv.slice(3).map(Number);
  let open = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false });
    req.on('response', (res) => {
      res.on('data', (c) => (bytes += c.length));
      if (++open === n) process.send('open');
    });
    req.on('error', () => {});
    req.end();
  }
  process.on('message', () => process.send(bytes));
} else {
  await main();
}

async function bundle(src) {
  const dir = mkdtempSync(join(tmpdir(), 'wf-fanout-cpu-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `export { createMemoryEventBus } from ${JSON.stringify(join(src, 'src/hub/events/memory-event-bus.ts'))};\n` +
      `export { openSseStream } from ${JSON.stringify(join(src, 'src/hub/events/sse-stream.ts'))};\n`,
  );
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'events.mjs'), logLevel: 'warning' });
  return { lib: await import(pathToFileURL(join(dir, 'events.mjs')).href), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function round({ createMemoryEventBus, openSseStream }, clients, publishes, batch, sliceSize) {
  const bus = createMemoryEventBus(sliceSize ? { sliceSize } : {});
  const server = createServer((req, res) => openSseStream(res, bus));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const child = fork(fileURLToPath(import.meta.url), ['--serve-clients', String(server.address().port), String(clients)]);
  await new Promise((r) => child.once('message', r));
  let id = 0;
  const at = () => new Date().toISOString();
  const incident = (i) => ({
    id: ++id,
    type: 'incident.updated',
    at: at(),
    data: { id: `INC-${id}`, title: `fan-out bench incident ${i}`.padEnd(120, '.'), state: 'acknowledged', severity: 'sev4', siteId: 'RUH', updatedAt: at() },
  });
  const telemetry = (i) => ({
    id: ++id,
    type: 'site.telemetry',
    at: at(),
    data: { siteId: `S${i}`, at: at(), arrivalsPerHour: 2084.6, queueLength: 0, waitMinutes: 0, egatesInService: 20, countersOpen: 38 },
  });
  const cpu0 = process.cpuUsage();
  for (let p = 0; p < publishes; p++) {
    bus.publish(p % 40 === 0 ? Array.from({ length: 103 }, (_, i) => telemetry(i)) : Array.from({ length: batch }, (_, i) => incident(i)));
    // A turn of the event loop and more between publishes, so every slice of the fan-out runs.
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 200));
  const cpu = process.cpuUsage(cpu0);
  child.send('bytes');
  const bytes = await new Promise((r) => child.once('message', r));
  child.kill();
  server.closeAllConnections();
  server.close();
  bus.close();
  return { user: cpu.user / publishes, system: cpu.system / publishes, bytes };
}

async function main() {
  const clients = arg('--clients', 200);
  const publishes = arg('--publishes', 400);
  const rounds = arg('--rounds', 3);
  const batch = arg('--batch', 5);
  const slice = arg('--slice', 0);
  const src = resolve(option('--src', ROOT));
  const { lib, cleanup } = await bundle(src);
  console.log(`fan-out CPU: ${clients} clients, ${publishes} publishes a round of ${batch} incident updates (a telemetry batch every 40th), ${slice ? `slices of ${slice}` : 'default slices'}, sources of ${src}; load average ${load()}`);
  const results = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const res = await round(lib, clients, publishes, batch, slice);
      results.push(res);
      console.log(
        `  round ${r + 1}: ${(res.user + res.system).toFixed(0)} µs per publish (user ${res.user.toFixed(0)}, system ${res.system.toFixed(0)}); clients read ${(res.bytes / 1e6).toFixed(1)} MB | load ${load()}`,
      );
    }
  } finally {
    cleanup();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  console.log(
    `median: ${median(results.map((r) => r.user + r.system)).toFixed(0)} µs per publish (user ${median(results.map((r) => r.user)).toFixed(0)}, system ${median(results.map((r) => r.system)).toFixed(0)}) to ${clients} clients; load average after ${load()}`,
  );
}
