#!/usr/bin/env node
// Benchmark (not a test): acks while everyone watches. Starts a demo hub at
// --speed 1, opens N event-stream clients (raw http on 127.0.0.1), opens
// incidents, then acks them over HTTP at a fixed rate (open loop: each ack
// leaves on its schedule whether the last one answered or not) and prints:
//   - ack latency p50/p99 (request sent → answer read; goal p99 < 5 ms at 200 clients);
//   - fan-out: per ack, the time from sending it until its incident.updated
//     event has reached every client, p50/p99 (goal p99 < 50 ms at 200 clients);
//   - events missing: acks some client never saw, and gaps or reorderings in
//     the ids a client received (goal 0);
//   - the hub's CPU time over the round (acks, fan-out, the demo's own work),
//     which the machine's load disturbs far less than the latencies.
// Clients (in worker threads) only note when each chunk arrived; parsing
// happens after a round, so the bench's own parsing delays no client.
// The acks are sent from a process of their own, bench/ack-sender.c, at the
// bench's nice 0: over keep-alive HTTP/1.1 as undici sends them, each stamped
// just before its write (CLOCK_REALTIME) and its answer stamped by the kernel
// when its last bytes arrived (SO_TIMESTAMPNS), the stamps handed back after
// the round. Why: an answer that came while the sender waited for a core
// (`--probe` found that wait the slow acks' longest overlap) is the bench's
// lateness, not the hub's; the kernel's stamp does not wait for the sender.
// The send stamp is still the sender's own: its wait for a core between the
// stamp and the write counts. --node-sender sends them from node instead
// (bench/ack-sender.mjs, undici; an ack from just before the request is handed
// to undici until the sender has read its answer), the figure of earlier runs.
//   npm run build && node bench/fanout.mjs [--clients 20,200] [--rounds 3] [--incidents 400] [--rate 200] [--threads 2] [--procs] [--raw] [--kernel-clients] [--node-sender] [--build DIR] [--pin] [--probe]
// --procs: the clients in --threads child processes instead of worker threads,
// so neither their garbage collection nor their heap shares the ack sender's
// process. --raw: each client a bare TCP socket that writes the GET and notes
// its chunks as read (onread, into one buffer), not node:http's client, which
// parses every chunk as it comes. Both measure the same quantities from
// the same moments (ack sent; chunk handed to the client's code): they only
// take less of the machine's two cores from the hub. Each round prints the CPU
// the bench's clients took (all threads, or the client processes).
// --kernel-clients: the clients in --threads processes of bench/sse-clients.c
// (built with cc), at nice 19, and an event's arrival at a client is the time
// its kernel received it (SO_TIMESTAMPNS), which the client's own wait for a
// core does not move; each round also prints when the clients read it.
// --build DIR runs another checkout's built CLI (DIR/bin/watchfloor.js), e.g. main's, for a side-by-side run.
// HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=DIR' profiles the hub (written when it stops).
// Each round also prints the acks' time inside the hub, from its own /metrics
// histogram (request read → answer written, bucketed: ≤ 1, 2.5, 5, 10, 25 ms…):
// what the ack latency above holds beyond that is the wait for a core, in the
// hub before it reads the request or in the bench after the answer is sent.
// Likewise the hub's fan-out histogram (every publish of the round, the demo's
// telemetry too: from the publish until every stream's socket was handed it):
// what the clients' fan-out holds beyond that is the sockets, the clients'
// reading and their wait for a core.
// --probe: the hub runs with bench/hub-probe.cjs, and each round also prints
// the hub's own garbage-collection pauses and event-loop delay, and what the
// acks over 5 ms coincided with (bench/ack-attribution.mjs; the ack sender's
// event-loop stalls and the bench's apart); with
// WF_HUB_HEAP_SAMPLE=1 the hub also writes what it allocated in each round,
// by stack, garbage included (hub-probe.cjs).
// Each round prints the hub's main thread's CPU and its time runnable but
// waiting for a core (Linux schedstat): the event loop's own work, and how
// long the machine kept it from it.
// --pin (Linux, taskset, 2+ cores): the hub on core 0, the bench (its clients
// and the ack sender's process) on core 1, so the bench's own reading of 200 streams
// does not take the hub's core; the difference from an unpinned run is the
// part of the latencies that is the bench's client load. Other processes on
// the machine still share both cores: the load average is printed with each round.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { forkAckSender, post } from './ack-sender.mjs';
import { startKernelAckSender } from './kernel-ack-sender.mjs';
import { buildKernelClients, openKernelClients } from './kernel-clients.mjs';
import { parseClient, serveClients } from './node-sse-clients.mjs';
import { attributeAcks, watchStalls } from './ack-attribution.mjs';
import { hubBuckets, hubSide, probe, probeLine } from './hub-figures.mjs';
import { arg, clockTicks, cpuSeconds, fmt, mainThreadSeconds, pinToCores, startDemoHub, summarize } from './lib.mjs';

// Clock shared by threads: each thread's performance.now() has its own origin.
const now = () => performance.timeOrigin + performance.now();

const option = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const CLIENTS = option('--clients', '20,200').split(',').map(Number);
const ROUNDS = arg('--rounds', 3);
const INCIDENTS = arg('--incidents', 400);
const RATE = arg('--rate', 200);
const BUILD = option('--build', undefined);
const THREADS = arg('--threads', 2);
const PIN = process.argv.includes('--pin');
const PROCS = process.argv.includes('--procs');
const RAW = process.argv.includes('--raw');
const KERNEL = process.argv.includes('--kernel-clients');
const NODE_SENDER = process.argv.includes('--node-sender');
const CLIENT_PROCESS = process.argv[2] === '--client-process';
const PROBE = process.argv.includes('--probe') ? join(mkdtempSync(join(tmpdir(), 'wf-probe-')), 'probe.jsonl') : undefined;
if (PROBE) writeFileSync(PROBE, '');
const GRACE_MS = 3_000;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

if (!isMainThread) {
  await serveClients(workerData, { on: (e, f) => parentPort.on(e, f), send: (m) => parentPort.postMessage(m), close: () => parentPort.close() });
} else if (CLIENT_PROCESS) {
  await serveClients(JSON.parse(process.argv[3]), { on: (e, f) => process.on(e, f), send: (m) => process.send(m), close: () => process.disconnect() });
}

/** `count` SSE clients spread over `threads` worker threads (or child processes). */
async function openClientGroups(url, token, count, threads) {
  const groups = [];
  if (KERNEL) {
    const binary = buildKernelClients();
    try {
      for (let t = 0; t < threads; t++) {
        const clients = await openKernelClients(url, token, Math.floor(count / threads) + (t < count % threads ? 1 : 0), binary);
        groups.push({ ...clients, collect: async () => (await clients.collect()).map((c) => ({ ended: c.ended, events: parseClient(c, 0) })), cpu: () => clients.cpu(TICKS) });
      }
    } finally {
      // The processes run it already.
      rmSync(dirname(binary), { recursive: true, force: true });
    }
    return groups;
  }
  for (let t = 0; t < threads; t++) {
    const n = Math.floor(count / threads) + (t < count % threads ? 1 : 0);
    const data = { url, token, count: n, raw: RAW };
    const self = fileURLToPath(import.meta.url);
    const peer = PROCS ? fork(self, ['--client-process', JSON.stringify(data)], { serialization: 'advanced' }) : new Worker(self, { workerData: data });
    const ask = (msg, answer) =>
      new Promise((resolveAsk, reject) => {
        const onMessage = (m) => {
          if (answer !== undefined && m !== answer) return;
          peer.off('message', onMessage);
          resolveAsk(m);
        };
        peer.on('message', onMessage);
        peer.once('error', reject);
        if (msg) (PROCS ? peer.send(msg) : peer.postMessage(msg));
      });
    await ask(undefined, 'open');
    groups.push({
      mark: () => ask('mark', 'marked'),
      collect: () => ask('collect'),
      close: () => (PROCS ? peer.send('close') : peer.postMessage('close')),
      /** CPU seconds the clients' process took so far (none of its own with threads: they count in the bench's). */
      cpu: () => (PROCS ? cpuSeconds(peer.pid, TICKS) : 0),
    });
  }
  return groups;
}

async function openIncidents(pool, token, n, tag) {
  const ids = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, (_, k) => post(pool, token, '/v1/incidents', { title: `fanout bench ${tag} #${i + k}`, severity: 'sev4' })),
    );
    ids.push(...batch.map((r) => r.incident.id));
  }
  return ids;
}

const TICKS = clockTicks();

/** CPU seconds the bench took so far: its own process (and any client threads), the ack sender's and its client processes. */
const benchCpu = (groups, sender) =>
  process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 + cpuSeconds(sender.pid, TICKS) + groups.reduce((s, g) => s + g.cpu(), 0);

async function round(pool, token, groups, sender, tag, hubPid) {
  const ids = await openIncidents(pool, token, INCIDENTS, tag);
  await new Promise((r) => setTimeout(r, 500));
  await Promise.all(groups.map((g) => g.mark()));
  // The probe's figures start with the acks: what it held so far is written out and reset.
  const probed = () => (PROBE ? readFileSync(PROBE, 'utf8').split('\n').filter(Boolean).length : 0);
  if (PROBE) await probe(hubPid, probed(), PROBE);
  const cpu0 = cpuSeconds(hubPid, TICKS);
  const main0 = mainThreadSeconds(hubPid, TICKS);
  const sender0 = mainThreadSeconds(sender.pid, TICKS);
  const benchCpu0 = benchCpu(groups, sender);
  const buckets0 = await hubBuckets(pool);
  // This process's own stalls too, beside the sender's: with the sender apart they should no longer meet the slow acks.
  const benchStalls = PROBE ? watchStalls(now) : undefined;
  // Stamped by the sender's clock, in its process (bench/ack-sender.mjs): when undici wrote each ack only with --probe.
  const { stamped, stalls: senderStalls } = await sender.acks({ ids, rate: RATE, probe: Boolean(PROBE) });
  const sent = new Map(stamped.map((a) => [a.id, a.sentAt]));
  const acks = stamped.map((a) => a.readAt - a.sentAt);
  // The kernel sender's answers as its process read them: what the kernel's stamp left out (undefined with --node-sender).
  const ackReadBySender = NODE_SENDER ? undefined : summarize(stamped.map((a) => a.readBySender - a.sentAt));
  await new Promise((r) => setTimeout(r, GRACE_MS));
  const hubCpuMs = (cpuSeconds(hubPid, TICKS) - cpu0) * 1000;
  const main1 = mainThreadSeconds(hubPid, TICKS);
  const mainThread = { cpuMs: (main1.cpu - main0.cpu) * 1000, waitingMs: (main1.waiting - main0.waiting) * 1000 };
  const sender1 = mainThreadSeconds(sender.pid, TICKS);
  const senderThread = { cpuMs: (sender1.cpu - sender0.cpu) * 1000, waitingMs: (sender1.waiting - sender0.waiting) * 1000 };
  const benchCpuMs = (benchCpu(groups, sender) - benchCpu0) * 1000;
  benchStalls?.stop();
  const hub = PROBE ? await probe(hubPid, probed(), PROBE) : undefined;
  const attribution = hub?.spans ? attributeAcks(stamped, hub.spans, { ...(NODE_SENDER ? { 'ack sender event loop stalled ≥ 3 ms': senderStalls } : {}), 'bench event loop stalled ≥ 3 ms': benchStalls.stalls }) : [];
  const buckets1 = await hubBuckets(pool);
  const inHub = hubSide(buckets0.acks, buckets1.acks);
  // Absent from a build without the histogram (main's, before it): printed only when there.
  const fanoutInHub = buckets1.fanout.length ? hubSide(buckets0.fanout, buckets1.fanout) : undefined;
  const reachedAll = new Map(ids.map((id) => [id, 0]));
  const readByAll = new Map(ids.map((id) => [id, 0]));
  // The same arrivals from the event's own time (set in the ack's transaction, whole milliseconds of the
  // hub's wall clock, so up to 1 ms early): the part of fan-out after the hub committed, apart from the ack's own.
  const committedAt = new Map();
  const firstFromCommit = new Map();
  const lastFromCommit = new Map();
  const perClient = [];
  let missing = 0;
  let disorder = 0;
  let cut = 0;
  const clients = (await Promise.all(groups.map((g) => g.collect()))).flat();
  for (const { ended, events } of clients) {
    if (ended) cut++;
    for (let i = 1; i < events.length; i++) if (events[i].id !== events[i - 1].id + 1) disorder++;
    const seen = new Set();
    for (const e of events) {
      if (e.type !== 'incident.updated' || !sent.has(e.data.id) || e.data.state !== 'acknowledged' || seen.has(e.data.id)) continue;
      seen.add(e.data.id);
      const took = e.at - sent.get(e.data.id);
      perClient.push(took);
      reachedAll.set(e.data.id, Math.max(reachedAll.get(e.data.id), took));
      readByAll.set(e.data.id, Math.max(readByAll.get(e.data.id), e.readAt - sent.get(e.data.id)));
      committedAt.set(e.data.id, e.committed);
      const fromCommit = e.at - e.committed;
      firstFromCommit.set(e.data.id, Math.min(firstFromCommit.get(e.data.id) ?? Infinity, fromCommit));
      lastFromCommit.set(e.data.id, Math.max(lastFromCommit.get(e.data.id) ?? 0, fromCommit));
    }
    missing += ids.length - seen.size;
  }
  // Each ack's lateness at a client behind the first client it reached, by quarter of the clients in the order they
  // subscribed (the order the hub writes them in; node clients of one thread or process read theirs in turn too).
  const firstAt = new Map([...firstFromCommit].map(([id, ms]) => [id, committedAt.get(id) + ms]));
  const quarters = [[], [], [], []];
  clients.forEach(({ events }, k) => {
    for (const e of events) {
      if (e.type === 'incident.updated' && e.data.state === 'acknowledged' && firstAt.has(e.data.id)) quarters[Math.floor((4 * k) / clients.length)].push(e.at - firstAt.get(e.data.id));
    }
  });
  const fromCommit = {
    behindFirst: quarters.map((q) => summarize(q).p50),
    toCommit: summarize([...committedAt].map(([id, at]) => at - sent.get(id))),
    first: summarize([...firstFromCommit.values()]),
    every: summarize([...lastFromCommit.values()]),
  };
  return { acks: summarize(acks), ackReadBySender, fanout: summarize([...reachedAll.values()]), readByAll: summarize([...readByAll.values()]), fromCommit, perClient: summarize(perClient), missing, disorder, cut, hubCpuMs, mainThread, senderThread, benchCpuMs, hub, inHub, fanoutInHub, attribution };
}

if (isMainThread && !CLIENT_PROCESS) await main();

async function main() {
  if (PIN && availableParallelism() < 2) throw new Error('--pin needs 2 cores or more');
  // Before any worker thread starts: they inherit the main thread's cores.
  if (PIN) pinToCores(process.pid, '1');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const results = [];
  console.log(
    `fan-out bench: ${INCIDENTS} acks at ${RATE}/s, ${ROUNDS} rounds per client count, build ${BUILD ?? 'this checkout'}, clients ${KERNEL ? 'kernel-stamped (sse-clients.c, nice 19)' : RAW ? 'on bare sockets' : 'on node:http'} in ${THREADS} ${PROCS || KERNEL ? 'processes' : 'threads'}, acks ${NODE_SENDER ? 'from undici (ack-sender.mjs)' : 'kernel-stamped (ack-sender.c)'}, ${PIN ? 'hub pinned to core 0, bench to core 1' : 'not pinned'}; load average ${load()}`,
  );
  for (const n of CLIENTS) {
    const nodeArgs = (process.env.HUB_NODE_ARGS ?? '').split(' ').filter(Boolean);
    if (PROBE) {
      process.env.WF_HUB_PROBE = PROBE;
      nodeArgs.push('--require', fileURLToPath(new URL('./hub-probe.cjs', import.meta.url)));
    }
    const hub = await startDemoHub({ speed: 1, cli: BUILD ? join(resolve(BUILD), 'bin', 'watchfloor.js') : undefined, nodeArgs });
    if (PIN) pinToCores(hub.pid, '0');
    const origin = new URL(hub.url).origin;
    const pool = new Pool(origin, { connections: 16 });
    // At the bench's own priority (nice 0), where the kernel clients run at nice 19.
    const sender = await (NODE_SENDER ? forkAckSender : startKernelAckSender)({ origin, token: hub.token });
    const groups = await openClientGroups(hub.url, hub.token, n, THREADS);
    try {
      // Warm-up: the hub's first requests pay for compiling its code (and the sender's pool opens its connections).
      await round(pool, hub.token, groups, sender, `${n}-warm`, hub.pid);
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) {
        const res = await round(pool, hub.token, groups, sender, `${n}-${r}`, hub.pid);
        rounds.push(res);
        console.log(
          `  ${String(n).padStart(3)} clients, round ${r + 1}: ack p50 ${fmt(res.acks.p50)} p99 ${fmt(res.acks.p99)} | to every client p50 ${fmt(res.fanout.p50)} p99 ${fmt(res.fanout.p99)} | missing ${res.missing}, out of order ${res.disorder}, cut ${res.cut} | hub CPU ${res.hubCpuMs.toFixed(0)} ms, bench ${res.benchCpuMs.toFixed(0)} ms | load ${load()}`,
        );
        console.log(`      the hub's main thread (its event loop): ${res.mainThread.cpuMs.toFixed(0)} ms of CPU, ${res.mainThread.waitingMs.toFixed(0)} ms runnable but waiting for a core`);
        console.log(`      the ack sender's main thread: ${res.senderThread.cpuMs.toFixed(0)} ms of CPU, ${res.senderThread.waitingMs.toFixed(0)} ms runnable but waiting for a core`);
        const bySender = res.ackReadBySender;
        if (bySender) console.log(`      acks as the sender read their answers (after its own wait for a core): p50 ${fmt(bySender.p50)} p99 ${fmt(bySender.p99)}`);
        const { inHub } = res;
        const le = (ms) => (ms === Infinity ? '> 2.5 s' : `≤ ${ms} ms`);
        console.log(`      acks inside the hub (its /metrics): p50 ${le(inHub.p50)}, p99 ${le(inHub.p99)}, ${(inHub.within5 * 100).toFixed(1)}% within 5 ms (${inHub.n} acks)`);
        const out = res.fanoutInHub;
        if (out) console.log(`      publishes handed to every stream inside the hub (its /metrics): p50 ${le(out.p50)}, p99 ${le(out.p99)}, ${(out.within50 * 100).toFixed(1)}% within 50 ms (${out.n} publishes)`);
        const c = res.fromCommit;
        console.log(
          `      from the event's commit (its own time, ms): to the first client p50 ${fmt(c.first.p50)} p99 ${fmt(c.first.p99)}, to every client p50 ${fmt(c.every.p50)} p99 ${fmt(c.every.p99)}; ack sent → commit p50 ${fmt(c.toCommit.p50)} p99 ${fmt(c.toCommit.p99)}`,
        );
        console.log(`      behind the first client, p50 by quarter of the clients in subscription order: ${c.behindFirst.map(fmt).join(', ')}`);
        if (KERNEL) console.log(`      read by every client (after the clients' own wait for a core, at nice 19): p50 ${fmt(res.readByAll.p50)} p99 ${fmt(res.readByAll.p99)}`);
        if (res.hub) console.log(`      ${probeLine(res.hub)}`);
        for (const line of res.attribution) console.log(`      ${line}`);
      }
      results.push({ n, rounds });
    } finally {
      for (const g of groups) g.close();
      await sender.close();
      await pool.close();
      await hub.stop();
    }
  }
  console.log(`\nmedians over ${ROUNDS} rounds (${INCIDENTS} acks at ${RATE}/s each); load average after ${load()}`);
  console.log('| clients | ack p50 | ack p99 | acks inside the hub within 5 ms | fan-out p50 | fan-out p99 | per client p99 | missing | out of order | hub CPU per round | its main thread | main thread waiting for a core | bench CPU per round |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { n, rounds } of results) {
    const m = (f) => fmt(median(rounds.map(f)));
    const sum = (f) => rounds.reduce((s, r) => s + f(r), 0);
    console.log(
      `| ${n} | ${m((r) => r.acks.p50)} | ${m((r) => r.acks.p99)} | ${(median(rounds.map((r) => r.inHub.within5)) * 100).toFixed(1)}% | ${m((r) => r.fanout.p50)} | ${m((r) => r.fanout.p99)} | ${m((r) => r.perClient.p99)} | ${sum((r) => r.missing)} | ${sum((r) => r.disorder)} | ${median(rounds.map((r) => r.hubCpuMs)).toFixed(0)} ms | ${median(rounds.map((r) => r.mainThread.cpuMs)).toFixed(0)} ms | ${median(rounds.map((r) => r.mainThread.waitingMs)).toFixed(0)} ms | ${median(rounds.map((r) => r.benchCpuMs)).toFixed(0)} ms |`,
    );
  }
  console.log('goals at 200 clients: ack p99 < 5 ms, fan-out p99 < 50 ms, 0 missing');
}
