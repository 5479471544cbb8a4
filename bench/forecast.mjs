#!/usr/bin/env node
// Benchmark (not a test): what forecasting the whole fleet costs. Starts a
// demo hub at --speed 1 (its simulator reports the current hour), feeds it
// eight weeks of hourly history for every site through the real telemetry
// intake (a daily wave, a busy Friday and noise; reports stamped in the
// weeks before now), then times GET /v1/sites/:id/forecast?hours=24 for all
// sites over real HTTP: the first pass fits every site, the later ones find
// the fits made this hour. Prints the figures; asserts nothing.
//   npm run build && node bench/forecast.mjs [--weeks 8] [--rounds 3]
import { arg, createToken, fmt, startDemoHub } from './lib.mjs';

const WEEKS = arg('--weeks', 8);
const ROUNDS = arg('--rounds', 3);
const HOUR_MS = 3_600_000;
const BATCH = 1_000; // the intake takes at most this many reports a request

const hub = await startDemoHub({ speed: 1 });
try {
  const intake = await createToken(hub.url, hub.token, { name: 'bench-feed', role: 'intake' });
  const sites = (await (await fetch(new URL('/v1/sites', hub.url), { headers: { authorization: `Bearer ${hub.token}` } })).json()).sites;
  const nowHour = Math.floor(Date.now() / HOUR_MS);
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const reports = [];
  for (const site of sites) {
    const scale = 50 + rnd() * 1000;
    for (let h = nowHour - WEEKS * 168; h < nowHour; h++) {
      const hd = h % 24;
      const friday = new Date(h * HOUR_MS).getUTCDay() === 5;
      const arrivals = Math.max(0, scale * (1 + 0.6 * Math.sin((2 * Math.PI * (hd - 6)) / 24) + (friday ? 0.4 : 0)) * (0.9 + 0.2 * rnd()));
      reports.push({ siteId: site.id, at: new Date(h * HOUR_MS + 1_800_000).toISOString(), arrivalsPerHour: Math.round(arrivals), queueLength: 5, waitMinutes: 3, egatesInService: 2, countersOpen: 4 });
    }
  }
  const fed = performance.now();
  for (let i = 0; i < reports.length; i += BATCH) {
    const res = await fetch(new URL('/v1/ingest/telemetry', hub.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${intake}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sites: reports.slice(i, i + BATCH) }),
    });
    if (!res.ok) throw new Error(`intake -> ${res.status} ${await res.text()}`);
  }
  console.log(`forecast: ${sites.length} sites, ${WEEKS} weeks of hours each (${reports.length} reports fed through the intake in ${fmt(performance.now() - fed)})`);
  for (let round = 1; round <= ROUNDS; round++) {
    const started = performance.now();
    let hours = 0;
    for (const site of sites) {
      const res = await fetch(new URL(`/v1/sites/${encodeURIComponent(site.id)}/forecast?hours=24`, hub.url), { headers: { authorization: `Bearer ${hub.token}` } });
      if (!res.ok) throw new Error(`forecast ${site.id} -> ${res.status} ${await res.text()}`);
      hours += (await res.json()).hours.length;
    }
    console.log(`  round ${round}: all ${sites.length} sites, 24 h ahead, ${hours} hours forecast, one request at a time: ${fmt(performance.now() - started)}${round === 1 ? ' (fitting every site)' : ' (fits reused)'}`);
  }
} finally {
  await hub.stop();
}
