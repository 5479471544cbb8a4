#!/usr/bin/env node
// Benchmark (not a test): alert intake throughput. Starts a demo hub
// (--speed 1, so its own simulator adds only a trickle) and posts streams of
// distinct Alertmanager webhook alerts (each a new fingerprint, so each opens
// an incident) from 16 concurrent senders, first one alert per request, then
// 100 per request, and prints per round the alerts per second and the median
// and p99 time per request; then the median over the rounds. Alerts name an
// asset of the fleet (its health follows its incidents); --assets 0 sends
// site-level alerts only, which leaves out the asset-health upkeep.
//   npm run build && node bench/alert-intake.mjs [--rounds 5] [--single 1000] [--batched 20] [--senders 16] [--assets 0]
import { Pool } from 'undici';
import { arg, createToken, fmt, percentile, startDemoHub, summarize } from './lib.mjs';

const ROUNDS = arg('--rounds', 5);
const SINGLE_REQUESTS = arg('--single', 1000); // requests of 1 alert per round
const BATCHED_REQUESTS = arg('--batched', 20); // requests of 100 alerts per round
const SENDERS = arg('--senders', 16);
const WITH_ASSETS = arg('--assets', 1) !== 0;
const BATCH = 100;
const SEVERITIES = ['warning', 'major', 'critical', 'sev4'];

let serial = 0;
/** One firing alert nobody has sent before, on a real asset of the fleet. */
function alertOn(asset) {
  const n = ++serial;
  return {
    status: 'firing',
    labels: { alertname: 'BenchAlert', site: asset.siteId ?? '', ...(WITH_ASSETS ? { asset: asset.id } : {}), severity: SEVERITIES[n % SEVERITIES.length] },
    annotations: { summary: `bench alert ${n} on ${asset.id}`, description: `bench alert ${n}` },
    startsAt: new Date().toISOString(),
    fingerprint: `bench-${process.pid}-${n}`,
  };
}

/** `requests` webhooks of `perRequest` alerts each, from SENDERS at once. */
async function round(pool, headers, assets, requests, perRequest) {
  const bodies = [];
  for (let i = 0; i < requests; i++) {
    const alerts = Array.from({ length: perRequest }, () => alertOn(assets[serial % assets.length]));
    bodies.push(JSON.stringify({ version: '4', status: 'firing', receiver: 'watchfloor', alerts }));
  }
  const samples = [];
  let next = 0;
  const sender = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const res = await pool.request({ path: '/v1/ingest/alertmanager', method: 'POST', headers, body });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`POST /v1/ingest/alertmanager -> ${res.statusCode} ${text}`);
      const result = JSON.parse(text);
      if (result.created.length !== perRequest) throw new Error(`expected ${perRequest} new incidents, got ${text}`);
      samples.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const wallMs = performance.now() - t0;
  return { ...summarize(samples), alertsPerSecond: (requests * perRequest * 1000) / wallMs };
}

const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50);

const hub = await startDemoHub({ speed: 1 });
const pool = new Pool(hub.url, { connections: SENDERS });
const adminHeaders = { authorization: `Bearer ${hub.token}`, 'content-type': 'application/json', 'x-watchfloor-channel': 'api' };
try {
  const res = await pool.request({ path: '/v1/assets', method: 'GET', headers: adminHeaders });
  const assets = (await res.body.json()).assets.filter((a) => a.siteId);
  const headers = { ...adminHeaders, authorization: `Bearer ${await createToken(hub.url, hub.token, { name: 'bench-alertmanager', role: 'intake' })}` };
  // Warm-up: the hub's first requests pay for compiling its code.
  await round(pool, headers, assets, 200, 1);
  await round(pool, headers, assets, 10, BATCH);

  console.log(`alert intake: ${SENDERS} concurrent senders, distinct ${WITH_ASSETS ? 'asset' : 'site-level'} alerts (each opens an incident), demo hub at --speed 1`);
  const modes = [
    { label: `1 alert per request   x${SINGLE_REQUESTS}`, requests: SINGLE_REQUESTS, perRequest: 1 },
    { label: `${BATCH} alerts per request x${BATCHED_REQUESTS}`, requests: BATCHED_REQUESTS, perRequest: BATCH },
  ];
  const results = new Map(modes.map((m) => [m, []]));
  for (let r = 1; r <= ROUNDS; r++) {
    for (const m of modes) {
      const x = await round(pool, headers, assets, m.requests, m.perRequest);
      results.get(m).push(x);
      console.log(`  round ${r}  ${m.label}: ${Math.round(x.alertsPerSecond)} alerts/s   per request p50 ${fmt(x.p50)}  p99 ${fmt(x.p99)}`);
    }
  }
  console.log(`median of ${ROUNDS} rounds:`);
  for (const m of modes) {
    const xs = results.get(m);
    console.log(
      `  ${m.label}: ${Math.round(median(xs.map((x) => x.alertsPerSecond)))} alerts/s   per request p50 ${fmt(median(xs.map((x) => x.p50)))}  p99 ${fmt(median(xs.map((x) => x.p99)))}`,
    );
  }
} finally {
  await pool.close();
  await hub.stop();
}
