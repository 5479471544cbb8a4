#!/usr/bin/env node
// Benchmark (not a test): the hub held under a steady load for a long while.
// Starts a demo hub (its simulator adds telemetry and alerts of its own), opens
// 200 event-stream clients that read everything and 5 that send their request
// and never read, and for --minutes minutes posts Alertmanager alerts (one new
// firing alert a request; its resolution a minute later) and acknowledges
// incidents (each resolved a minute after its ack) at a steady rate. Prints per
// minute the hub's RSS (from /proc), the p50/p99 time of the alert posts and of
// the acks, events read per reader, and the event-stream clients the hub
// counts; at the end whether RSS levelled off, the worst p99, and whether the
// non-readers were cut off with a reason in the hub's log.
// Goals: RSS levels off, no p99 over 100 ms, the non-readers cut off with a logged reason.
//   npm run build && node bench/soak.mjs [--minutes 10] [--readers 200] [--non-readers 5] [--alerts 10] [--acks 5]
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { arg, createToken, fmt, startDemoHub, summarize } from './lib.mjs';

const MINUTES = arg('--minutes', 10);
const READERS = arg('--readers', 200);
const NON_READERS = arg('--non-readers', 5);
const ALERTS_PER_S = arg('--alerts', 10);
const ACKS_PER_S = arg('--acks', 5);
const RESOLVE_AFTER_MS = 60_000;
const P99_GOAL_MS = 100;
// The hub says this when it lets go of a client that does not read (src/hub/events/sse-stream.ts).
const CUT_OFF_LOG = /event stream cut off: .*not reading/;

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** An event-stream client on a raw socket. A reader counts the events it reads; a non-reader never reads a byte. */
function openStream(url, token, reads) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const state = { reads, events: 0, closed: false };
  socket.on('connect', () => {
    socket.write(`GET /v1/events?token=${encodeURIComponent(token)} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    if (!reads) socket.pause();
  });
  if (reads) {
    socket.on('data', (chunk) => {
      for (let i = chunk.indexOf('\nevent: '); i >= 0; i = chunk.indexOf('\nevent: ', i + 1)) state.events++;
    });
  }
  socket.on('error', () => undefined);
  socket.on('close', () => (state.closed = true));
  return state;
}

// The stream clients live in a worker thread of their own: reading 200
// streams is most of this process's work, and on the main thread it would
// stall the timers of the requests it measures, counting the bench's own
// delay as the hub's.
if (!isMainThread) {
  const { url, token, readers, nonReaders } = workerData;
  const streams = [];
  for (let i = 0; i < readers; i++) streams.push(openStream(url, token, true));
  for (let i = 0; i < nonReaders; i++) streams.push(openStream(url, token, false));
  parentPort.on('message', () => {
    const open = streams.filter((s) => s.reads);
    parentPort.postMessage({ events: open.reduce((n, s) => n + s.events, 0), readersClosed: open.filter((s) => s.closed).length });
  });
} else {
  await main();
}

/** What the stream clients have read so far. */
function countStreams(worker) {
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.postMessage('count');
  });
}

async function sseClientsCounted(pool) {
  const res = await pool.request({ path: '/metrics', method: 'GET' });
  const text = await res.body.text();
  return Number(/^watchfloor_sse_clients (\d+)/m.exec(text)?.[1] ?? NaN);
}

async function main() {
  const hub = await startDemoHub({ speed: 60 });
  const pool = new Pool(hub.url, { connections: 16 });
  const headers = { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json', 'x-watchfloor-channel': 'api' };
  const intakeHeaders = { ...headers, authorization: `Bearer ${await createToken(hub.url, hub.token, { name: 'soak-alertmanager', role: 'intake' })}` };
  const clients = new Worker(new URL(import.meta.url), {
    workerData: { url: hub.url, token: hub.token, readers: READERS, nonReaders: NON_READERS },
  });
  const timers = [];
  try {
    const sites = (await (await pool.request({ path: '/v1/sites', method: 'GET', headers })).body.json()).sites.map((s) => s.id);

    let minute = { alerts: [], acks: [], failures: 0 };
    let serial = 0;
    const toAck = [];
    const toResolve = [];
    const timed = async (samples, path, body) => {
      const t0 = performance.now();
      try {
        const res = await pool.request({ path, method: 'POST', headers: path.startsWith('/v1/ingest/') ? intakeHeaders : headers, body: JSON.stringify(body) });
        const answer = await res.body.json();
        if (res.statusCode !== 200) throw new Error(`${path} -> ${res.statusCode} ${JSON.stringify(answer)}`);
        samples?.push(performance.now() - t0);
        return answer;
      } catch (e) {
        minute.failures++;
        if (minute.failures === 1) console.error(`  a request failed: ${e.message}`);
        return undefined;
      }
    };
    const alert = (n, status) => ({
      status,
      labels: { alertname: 'SoakAlert', site: sites[n % sites.length], severity: ['warning', 'major', 'critical'][n % 3] },
      annotations: { summary: `soak alert ${n}` },
      fingerprint: `soak-${process.pid}-${n}`,
    });

    // One new firing alert a request; the alert of a minute ago resolved in the same request.
    timers.push(
      setInterval(async () => {
        const n = ++serial;
        const alerts = [alert(n, 'firing')];
        const old = n - Math.round((RESOLVE_AFTER_MS / 1000) * ALERTS_PER_S);
        if (old > 0) alerts.push(alert(old, 'resolved'));
        const result = await timed(minute.alerts, '/v1/ingest/alertmanager', { version: '4', alerts });
        toAck.push(...(result?.created ?? []));
      }, 1000 / ALERTS_PER_S),
    );
    // Acknowledge the newest incident not yet acknowledged (the others its alert resolves); resolve the ack of a minute ago.
    timers.push(
      setInterval(async () => {
        const id = toAck.pop();
        toAck.splice(0, Math.max(0, toAck.length - 100));
        if (id === undefined) return;
        const result = await timed(minute.acks, `/v1/incidents/${id}/ack`, {});
        if (result) toResolve.push({ id, at: Date.now() });
        while (toResolve.length && Date.now() - toResolve[0].at >= RESOLVE_AFTER_MS) {
          void timed(undefined, `/v1/incidents/${toResolve.shift().id}/resolve`, { summary: 'soak: done' });
        }
      }, 1000 / ACKS_PER_S),
    );

    console.log(
      `soak: ${MINUTES} min, demo hub at --speed 60, ${READERS} event-stream readers + ${NON_READERS} that never read, ` +
        `${ALERTS_PER_S} alert posts/s and ${ACKS_PER_S} acks/s (each resolved a minute later)`,
    );
    console.log(`  start: hub RSS ${rssMiB(hub.pid).toFixed(0)} MiB`);
    const perMinute = [];
    let eventsBefore = 0;
    for (let m = 1; m <= MINUTES; m++) {
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      const done = minute;
      minute = { alerts: [], acks: [], failures: 0 };
      const { events, readersClosed } = await countStreams(clients);
      // The machine's load: the hub, this bench and whatever else runs here share its cores.
      const load = loadavg()[0];
      const row = {
        rss: rssMiB(hub.pid),
        alerts: summarize(done.alerts),
        acks: summarize(done.acks),
        failures: done.failures,
        eventsPerReader: (events - eventsBefore) / READERS,
        sseClients: await sseClientsCounted(pool),
        readersClosed,
        load,
        cutOffLogged: hub.stderr().split('\n').filter((l) => CUT_OFF_LOG.test(l)).length,
      };
      eventsBefore = events;
      perMinute.push(row);
      console.log(
        `  minute ${String(m).padStart(2)}: RSS ${row.rss.toFixed(0)} MiB | alert post p50 ${fmt(row.alerts.p50)} p99 ${fmt(row.alerts.p99)} (n ${row.alerts.n}) | ` +
          `ack p50 ${fmt(row.acks.p50)} p99 ${fmt(row.acks.p99)} (n ${row.acks.n}) | ${Math.round(row.eventsPerReader)} events/reader | ` +
          `${row.sseClients} streams open, ${row.cutOffLogged} cut off (logged) | load ${row.load.toFixed(1)}${row.failures ? ` | ${row.failures} failed requests` : ''}${row.readersClosed ? ` | ${row.readersClosed} readers closed` : ''}`,
      );
    }

    const rss = perMinute.map((r) => r.rss);
    const half = Math.floor(rss.length / 2);
    const lateGrowth = rss.length > 1 ? rss.at(-1) - rss[half] : NaN;
    const worstP99 = Math.max(...perMinute.flatMap((r) => [r.alerts.p99, r.acks.p99]).filter((x) => !Number.isNaN(x)));
    const last = perMinute.at(-1);
    const cutLines = hub.stderr().split('\n').filter((l) => CUT_OFF_LOG.test(l));
    console.log('result:');
    console.log(`  RSS: ${rss[0].toFixed(0)} MiB after the first minute, max ${Math.max(...rss).toFixed(0)}, last ${rss.at(-1).toFixed(0)}; from minute ${half + 1} to the end ${lateGrowth >= 0 ? '+' : ''}${lateGrowth.toFixed(0)} MiB`);
    console.log(`  worst p99 of a minute: ${fmt(worstP99)} (goal under ${P99_GOAL_MS} ms) — ${worstP99 < P99_GOAL_MS ? 'met' : 'NOT met'}`);
    const p99s = perMinute.flatMap((r) => [r.alerts.p99, r.acks.p99]).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    const loads = perMinute.map((r) => r.load);
    console.log(
      `  median p99 of the minutes: ${fmt(p99s[Math.floor(p99s.length / 2)])}; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${availableParallelism()} cores`,
    );
    console.log(
      `  non-readers: ${cutLines.length} of ${NON_READERS} cut off with a logged reason; the hub counts ${last.sseClients} open streams (${READERS} readers, ${last.readersClosed} of them closed)` +
        (cutLines[0] ? `\n  e.g. ${cutLines[0].trim()}` : ''),
    );
  } finally {
    for (const t of timers) clearInterval(t);
    await clients.terminate();
    await pool.close();
    await hub.stop();
  }
}
