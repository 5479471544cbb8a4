#!/usr/bin/env node
// Benchmark (not a test): how well the hub's early warning warns. Starts the
// demo fleet (--seed 7) at speed with `--early-warning`, lets --days of site
// time pass (the flow history is keyed on the reports' clock), and meanwhile,
// every --snapshot-hours of site time, asks the hub for every site's 24-hour
// forecast (timed: the cost of forecasting the fleet) and for the breach list.
// The demo's surges (src/sim/surges.ts: unannounced, building over an hour or
// two; and e-gate and counter faults) are nothing the forecaster is told
// about: it sees only the hub's telemetry. The simulator says in its log when
// each surge starts (`simulator: surge SITE from ISO`); the bench reads those
// lines only to say which breaches came with a surge. Judged afterwards from
// the hub's own store:
//   breach hour: a site-hour whose recorded mean wait (site_flow_hours) is over
//     30 min; a breach episode: consecutive breach hours at a site, starting at
//     the first one (the hour's start);
//   warned: a `predicted` incident for that site was open ≥ 60 min before the
//     episode began and still open when it began (labels.since: where the
//     warning stood on the site's clock; open until it resolved, mapped to the
//     site's clock by the incident's own created/resolved times × speed);
//   false alarm: a predicted incident whose window (its open time, at least
//     the 6-hour window from its start) saw no breach hour at its site;
//   the week: the hub serves at once and takes the demo's past behind it;
//     the week starts once its "imported" line is logged — hours before it,
//     and predicted incidents standing from before it, are not judged.
// Prints hit rate (episodes warned ≥ 60 min ahead; beside it, how many of the warnable ones the surges had shown
// by then, bench/surge-ceiling.mjs: the most any forecaster not told of them could warn of), false alarms (warnings no
// breach followed within their window), the same by the hour (the share of
// warned site-hours no breach followed within the window: a warning kept open
// for days to catch every breach shows here), median lead time, MASE per site kind
// (the hub's forecasts at each snapshot against what came, scaled by the
// in-sample error of seasonal naive: same hour last week when a week of history
// precedes the origin, else same hour yesterday — said which), and the time to
// forecast all sites 24 h ahead (one request a site, then all in one: GET /v1/forecasts). Asserts nothing.
// --keep FILE copies the hub's store there before it is removed (to study a run), and writes FILE.episodes.json:
// the surge episodes as judged and the false alarms (what bench/early-warning-misses.mjs replays), and FILE.reports.jsonl:
// every report the hub announced (site.telemetry on GET /v1/events), which the store keeps only as hours.
// --report-minutes N: each site reports every N minutes of site time (`hub start --demo-report-every`; default 5, as real
// sites report every minute or so); 0: the simulator's own tick, once a real second (every SPEED seconds of site time).
//   npm run build && node bench/early-warning.mjs [--days 7] [--speed 1800] [--report-minutes 5] [--every 1] [--snapshot-hours 6] [--keep FILE]
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { arg, clockTicks, cpuSeconds, fmt, percentile, startDemoHub } from './lib.mjs';
import { surgeCeiling } from './surge-ceiling.mjs';

const SEED = 7; // the issue's week
const DAYS = arg('--days', 7);
const SPEED = arg('--speed', 1800);
const EVERY_S = arg('--every', 1);
const KEEP = process.argv.includes('--keep') ? process.argv[process.argv.indexOf('--keep') + 1] : undefined;
const SNAPSHOT_HOURS = arg('--snapshot-hours', 6);
const REPORT_MINUTES = arg('--report-minutes', 5);
// Site time between a site's reports: as asked, or a real second's worth at SPEED (the hub holds a tick at 50 ms at least).
const reportMs = REPORT_MINUTES > 0 ? Math.max(REPORT_MINUTES * 60_000, 50 * SPEED) : SPEED * 1000;
const cadenceArgs = REPORT_MINUTES > 0 ? ['--demo-report-every', `${REPORT_MINUTES * 60}s`] : [];
const WINDOW_HOURS = 6; // the early warning's window (the hub's default)
const TARGET = 30;
const HOUR_MS = 3_600_000;
const LEAD_MS = 60 * 60_000;
const WARM_UP_HOURS = 6; // breaches in the first hours of the run are not judged: nothing could have warned of them
const SHOWN_MINUTES = 30; // how long a surge must have run by the hour a warning needs for the count of those it had time to show
const SURGE_HOURS = 8; // a surge's ramp, hold and ease last at most 3 + 3 + 1 h (src/sim/surges.ts)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The hub serves first and takes the fleet's past behind it (src/hub/demo/start-demo.ts): the week starts once it is in.
const hub = await startDemoHub({ seed: SEED, speed: SPEED, extraArgs: ['--early-warning', `${EVERY_S}s`, ...cadenceArgs] });
const { readyAt, pastInMs } = hub;
// On the site's clock (the simulator's runs from the hub's start at SPEED): where the judged week begins.
const weekStartMs = readyAt + pastInMs * SPEED;
// With --keep: every report as the hub announced it, for the replay's reports within the hour.
const announced = [];
const eventStream = KEEP ? await listenToReports(announced) : undefined;
function listenToReports(into) {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = httpRequest(new URL('/v1/events', hub.url), { headers: { authorization: `Bearer ${hub.token}`, accept: 'text/event-stream' }, agent: false });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /v1/events -> ${res.statusCode}`));
      res.on('data', (chunk) => {
        text += chunk.toString('utf8');
        for (let end; (end = text.indexOf('\n\n')) >= 0; text = text.slice(end + 2)) {
          const data = text.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
          const event = data ? JSON.parse(data.slice(6)) : undefined;
          if (event?.type === 'site.telemetry') into.push(event.data);
        }
      });
      res.on('error', () => {});
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
}
const get = async (path) => {
  const res = await fetch(new URL(path, hub.url), { headers: { authorization: `Bearer ${hub.token}` } });
  if (!res.ok) throw new Error(`${path} -> ${res.status} ${await res.text()}`);
  return res.json();
};
try {
  const sites = (await get('/v1/sites')).sites;
  const kindOf = new Map(sites.map((s) => [s.id, s.kind]));
  const runMs = (DAYS * 86_400_000) / SPEED;
  const snapshotMs = (SNAPSHOT_HOURS * HOUR_MS) / SPEED;
  const started = Date.now();
  const ticks = clockTicks();
  const cpuAtStart = cpuSeconds(hub.pid, ticks);
  console.error(`early-warning: the hub served at once; its past was in ${(pastInMs / 1000).toFixed(1)} s later (${((pastInMs * SPEED) / HOUR_MS).toFixed(1)} h of site time)`);
  const snapshots = []; // { siteId, hours: [{ at, arrivalsPerHour }] }
  const fleetTimes = [];
  const batchTimes = [];
  const breachTimes = [];
  console.error(`early-warning: demo fleet, seed ${SEED}, speed ${SPEED}, a report every ${(reportMs / 60_000).toFixed(1)} site-min, ${DAYS} days of site time (${(runMs / 60_000).toFixed(1)} min real), early warning every ${EVERY_S}s`);
  for (let next = started + snapshotMs; Date.now() < started + runMs; next += snapshotMs) {
    await sleep(Math.max(0, Math.min(next, started + runMs) - Date.now()));
    if (Date.now() >= started + runMs) break;
    // All in one request first, so its fits are not the ones the per-site requests just made.
    const tb = performance.now();
    await get('/v1/forecasts?hours=24');
    batchTimes.push(performance.now() - tb);
    const t0 = performance.now();
    for (const site of sites) {
      const body = await get(`/v1/sites/${encodeURIComponent(site.id)}/forecast?hours=24`);
      if (body.hours?.length) snapshots.push({ siteId: site.id, hours: body.hours.map((h) => ({ at: h.at, arrivalsPerHour: h.arrivalsPerHour })) });
    }
    fleetTimes.push(performance.now() - t0);
    const t1 = performance.now();
    await get('/v1/forecast/breaches?hours=24');
    breachTimes.push(performance.now() - t1);
    console.error(`  ${((Date.now() - started) / 60_000).toFixed(1)} min: fleet forecast ${fmt(fleetTimes.at(-1))}, in one request ${fmt(batchTimes.at(-1))}, breach list ${fmt(breachTimes.at(-1))}`);
  }

  const hubCpuShare = (cpuSeconds(hub.pid, ticks) - cpuAtStart) / ((Date.now() - started) / 1000);
  // The surges the simulator said it started (the judge's knowledge, never the hub's).
  const surges = [...hub.stderr().matchAll(/simulator: surge (\S+) from (\S+),/g)].map((m) => ({ siteId: m[1], startMs: Date.parse(m[2]) }));
  const db = new Database(join(hub.dir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  if (KEEP) {
    await db.backup(KEEP);
    eventStream?.close();
    writeFileSync(`${KEEP}.reports.jsonl`, announced.map((r) => JSON.stringify(r)).join('\n'));
  }
  const flow = db.prepare('SELECT site_id AS siteId, hour, reports, arrivals_sum AS arrivals, wait_sum AS wait FROM site_flow_hours ORDER BY site_id, hour').all();
  const incidents = db.prepare("SELECT site_id AS siteId, labels, created_at AS createdAt, resolved_at AS resolvedAt FROM incidents WHERE source = 'predicted'").all();
  db.close();

  // Breach episodes from the recorded waits.
  const bySite = new Map();
  for (const r of flow) {
    if (!bySite.has(r.siteId)) bySite.set(r.siteId, new Map());
    bySite.get(r.siteId).set(r.hour, r);
  }
  const firstHour = Math.min(...flow.map((r) => r.hour));
  // The demo reports its past at start (src/sim/past-flow.ts): only the week's hours (the live run's once the past is in) are judged.
  const liveHour = Math.floor(weekStartMs / HOUR_MS);
  const lastHour = Math.max(...flow.map((r) => r.hour));
  const breachHour = (siteId, h) => {
    const r = bySite.get(siteId)?.get(h);
    return r !== undefined && r.wait / r.reports > TARGET;
  };
  const episodes = [];
  for (const [siteId, hours] of bySite) {
    for (const h of hours.keys()) {
      if (h < liveHour + WARM_UP_HOURS || h >= lastHour) continue; // the last hour is still filling
      if (breachHour(siteId, h) && !breachHour(siteId, h - 1)) episodes.push({ siteId, startMs: h * HOUR_MS });
    }
  }
  // Warnings on the site's clock.
  // Those raised while the past was still coming in (the forecaster on hours of history) are left out: the week had not begun.
  const warnings = incidents.map((i) => {
    const labels = JSON.parse(i.labels);
    const since = Date.parse(labels.since ?? labels.asOf);
    const until = i.resolvedAt ? since + (Date.parse(i.resolvedAt) - Date.parse(i.createdAt)) * SPEED : Infinity;
    return { siteId: i.siteId, since, until };
  }).filter((w) => w.since >= weekStartMs);
  const leads = [];
  // An episode comes with a surge when one started at its site within SURGE_HOURS before it began (or in its first hour).
  const surgeOf = (e) => surges.find((x) => x.siteId === e.siteId && x.startMs <= e.startMs + HOUR_MS && x.startMs >= e.startMs - SURGE_HOURS * HOUR_MS);
  // Warnable at all: the surge began early enough for one report to show it (a report every reportMs of the site's
  // clock) and a warning to stand 60 min before the episode's hour began.
  const surged = { episodes: 0, warned: 0, warnable: 0, warnableWarned: 0, shown: 0, shownWarned: 0 };
  const judged = []; // each episode as judged, for --keep's sidecar (bench/early-warning-misses.mjs reads it)
  for (const e of episodes) {
    const covering = warnings.filter((w) => w.siteId === e.siteId && w.since <= e.startMs - LEAD_MS && w.until >= e.startMs);
    if (covering.length) leads.push((e.startMs - Math.min(...covering.map((w) => w.since))) / 60_000);
    const surge = surgeOf(e);
    if (!surge) continue;
    surged.episodes++;
    if (covering.length) surged.warned++;
    const warnable = surge.startMs + reportMs <= e.startMs - LEAD_MS;
    if (warnable) {
      surged.warnable++;
      if (covering.length) surged.warnableWarned++;
    }
    // Shown: the surge had SHOWN_MINUTES under way by then — a planeload or a ferry more, or a counter rate over half an
    // hour, needs about that long to say anything at all.
    if (surge.startMs + SHOWN_MINUTES * 60_000 <= e.startMs - LEAD_MS) {
      surged.shown++;
      if (covering.length) surged.shownWarned++;
    }
    judged.push({ siteId: e.siteId, kind: kindOf.get(e.siteId), startAt: new Date(e.startMs).toISOString(), surgeAt: new Date(surge.startMs).toISOString(), warnable, warned: covering.length > 0 });
  }
  const falseAlarmList = warnings.filter((w) => {
    const end = Math.min(lastHour * HOUR_MS, Math.max(w.until, w.since + WINDOW_HOURS * HOUR_MS));
    for (let h = Math.floor(w.since / HOUR_MS); h * HOUR_MS <= end; h++) if (breachHour(w.siteId, h)) return false;
    return true;
  });
  const falseAlarms = falseAlarmList.length;
  if (KEEP) {
    const iso = (ms) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    const falseOnes = falseAlarmList.map((w) => ({ siteId: w.siteId, kind: kindOf.get(w.siteId), since: iso(w.since), until: iso(w.until) }));
    writeFileSync(`${KEEP}.episodes.json`, JSON.stringify({ speed: SPEED, weekStart: iso(weekStartMs), episodes: judged, falseAlarms: falseOnes }, null, 1));
  }
  const countByKind = (ws) => [...ws.reduce((m, w) => m.set(kindOf.get(w.siteId), (m.get(kindOf.get(w.siteId)) ?? 0) + 1), new Map())].sort().map(([k, n]) => `${k} ${n}`).join(', ');

  // The same by the hour, so a warning held open for days cannot pass for one that was right: each site-hour
  // under a warning counts as idle when no breach hour follows within the window.
  let warnedHours = 0;
  let idleHours = 0;
  for (const w of warnings) {
    const last = Math.min(lastHour, Math.floor(Math.min(w.until, lastHour * HOUR_MS) / HOUR_MS));
    for (let h = Math.floor(w.since / HOUR_MS); h < last; h++) {
      warnedHours++;
      let breachFollows = false;
      for (let k = h; k <= Math.min(lastHour - 1, h + WINDOW_HOURS) && !breachFollows; k++) breachFollows = breachHour(w.siteId, k);
      if (!breachFollows) idleHours++;
    }
  }
  // Reports the hub took in over the judged hours against a report every reportMs a site (the simulator's ticks that the hub kept up with).
  const reportsTaken = flow.filter((r) => r.hour >= liveHour && r.hour < lastHour).reduce((n, r) => n + r.reports, 0);
  const reportsDue = (bySite.size * (lastHour - liveHour) * HOUR_MS) / reportMs;
  const siteHours = [...bySite.values()].reduce((n, hours) => n + [...hours.keys()].filter((h) => h >= liveHour).length, 0);

  // MASE per kind: each snapshot's hours against the recorded arrivals.
  const actual = (siteId, h) => {
    const r = bySite.get(siteId)?.get(h);
    return r && h < lastHour ? r.arrivals / r.reports : undefined;
  };
  const errs = new Map(); // kind -> { model: [], naive: [], lag }
  for (const s of snapshots) {
    const origin = Math.floor(Date.parse(s.hours[0].at) / HOUR_MS);
    const lag = origin - firstHour >= 168 + 24 ? 168 : 24;
    // The scale: seasonal naive's in-sample mean absolute error over the history before the origin.
    const inSample = [];
    for (let h = firstHour + lag; h < origin; h++) {
      const a = actual(s.siteId, h);
      const b = actual(s.siteId, h - lag);
      if (a !== undefined && b !== undefined) inSample.push(Math.abs(a - b));
    }
    if (inSample.length < 24) continue;
    const scale = inSample.reduce((x, y) => x + y, 0) / inSample.length;
    if (!(scale > 0)) continue;
    const kind = kindOf.get(s.siteId);
    if (!errs.has(kind)) errs.set(kind, { scaled: [], lags: new Set() });
    for (const h of s.hours) {
      const a = actual(s.siteId, Math.floor(Date.parse(h.at) / HOUR_MS));
      if (a !== undefined) errs.get(kind).scaled.push(Math.abs(a - h.arrivalsPerHour) / scale);
    }
    errs.get(kind).lags.add(lag);
  }

  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const warned = leads.length;
  console.log(`early-warning: demo fleet (seed ${SEED}), ${sites.length} sites, ${((lastHour - liveHour) / 24).toFixed(1)} days of site time (after ${((liveHour - firstHour) / 24).toFixed(1)} days of past flow the demo reported at start) at speed ${SPEED}, a report every ${(reportMs / 60_000).toFixed(1)} min of site time (${REPORT_MINUTES > 0 ? '--demo-report-every' : "the simulator's 1 s tick"}); early warning every ${EVERY_S}s real (${((EVERY_S * SPEED) / 60).toFixed(0)} min site time), window ${WINDOW_HOURS} h`);
  console.log(`  breach hour: a site-hour with recorded mean wait > ${TARGET} min; episode: consecutive breach hours at a site (judged after the first ${WARM_UP_HOURS} h of the week, which began once the past was in, ${(pastInMs / 1000).toFixed(1)} s after the hub served; predicted incidents from before it not counted)`);
  console.log(`  warned: a predicted incident for the site open ≥ 60 min before the episode began and still open then; false alarm: a predicted incident with no breach hour in its window (open time, at least ${WINDOW_HOURS} h)`);
  console.log(`  breach episodes: ${episodes.length}, of them with an unannounced surge at the site: ${surged.episodes} (${surges.length} surges started)`);
  const pct = (n, of) => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');
  console.log(`  hit rate, warned ≥ 60 min ahead: ${pct(warned, episodes.length)} (${warned} of ${episodes.length}; goal ≥ 90%); of the surge episodes: ${pct(surged.warned, surged.episodes)} (${surged.warned} of ${surged.episodes})`);
  console.log(`  surge episodes warnable at all (the surge began ≥ one report interval, ${(reportMs / 60_000).toFixed(0)} min, before the hour 60 min ahead of the episode): ${surged.warnable}; warned: ${pct(surged.warnableWarned, surged.warnable)} (${surged.warnableWarned} of ${surged.warnable})`);
  // What the surges had shown by then (bench/surge-ceiling.mjs): the most a forecaster not told of them could warn of.
  // A study's line: if it cannot be drawn, the week's figures below still print.
  const ceiling = await surgeCeiling(judged, SEED).then((c) => `${c.expected.toFixed(1)} expected (${pct(c.expected, surged.warnable)}; bench/early-warning-ceiling.mjs FILE on a --keep week lists them)`, (e) => `n/a (${e.message})`);
  console.log(`  of them, an ideal detector (each extra flight, ferry or crew seen as it lands; land ports' extra travellers at 1.28 σ) would have warned: ${ceiling}`);
  console.log(`  of them with the surge ${SHOWN_MINUTES} min under way by that hour (a flight, a ferry or a half-hour counter rate could show it): ${surged.shown}; warned: ${pct(surged.shownWarned, surged.shown)} (${surged.shownWarned} of ${surged.shown})`);
  console.log(`  false alarms: ${warnings.length ? ((100 * falseAlarms) / warnings.length).toFixed(1) : 'n/a'}% (${falseAlarms} of ${warnings.length} predicted incidents with no breach in their window; goal ≤ 10%)`);
  console.log(`  predicted incidents by site kind: ${countByKind(warnings) || 'none'}; false alarms by kind: ${countByKind(falseAlarmList) || 'none'}`);
  console.log(`  warned site-hours: ${warnedHours} (${siteHours ? ((100 * warnedHours) / siteHours).toFixed(1) : 'n/a'}% of all site-hours); of them with no breach within ${WINDOW_HOURS} h: ${warnedHours ? ((100 * idleHours) / warnedHours).toFixed(1) : 'n/a'}%`);
  console.log(`  median lead time: ${warned ? `${percentile(sorted(leads), 50).toFixed(0)} min` : 'n/a'}`);
  for (const [kind, e] of [...errs].sort()) {
    const mase = e.scaled.reduce((x, y) => x + y, 0) / e.scaled.length;
    console.log(`  MASE ${kind}: ${mase.toFixed(2)} (${e.scaled.length} forecast hours; seasonal naive at lag ${[...e.lags].join('/')} h)`);
  }
  const ft = sorted(fleetTimes);
  const bt = sorted(breachTimes);
  const bf = sorted(batchTimes);
  console.log(`  forecast all ${sites.length} sites 24 h ahead, one request a site: median ${ft.length ? fmt(percentile(ft, 50)) : 'n/a'}, max ${ft.length ? fmt(ft.at(-1)) : 'n/a'} over ${ft.length} snapshots`);
  console.log(`  forecast all ${sites.length} sites 24 h ahead in one request (GET /v1/forecasts?hours=24, asked first): median ${bf.length ? fmt(percentile(bf, 50)) : 'n/a'}, max ${bf.length ? fmt(bf.at(-1)) : 'n/a'}`);
  console.log(`  the breach list for 24 h (every site forecast + queueing + advice, one request): median ${bt.length ? fmt(percentile(bt, 50)) : 'n/a'}, max ${bt.length ? fmt(bt.at(-1)) : 'n/a'} (goal < 200 ms)`);
  console.log(`  reports taken in over the week: ${reportsTaken} of ${Math.round(reportsDue)} due (${pct(reportsTaken, reportsDue)}); the hub's CPU over the run: ${(100 * hubCpuShare).toFixed(0)}% of a core`);
  console.log(`  load average at the end (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
} finally {
  await hub.stop();
}
