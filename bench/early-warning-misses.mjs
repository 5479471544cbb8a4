#!/usr/bin/env node
// Study (not a test): why the early warning missed the surges it could have
// warned of. Reads a store kept by `node bench/early-warning.mjs --keep FILE`
// and its FILE.episodes.json, and for each warnable surge episode that was not
// warned replays the hub's prediction for the site as it stood 60–120 min
// before the episode began: the hub's own forecast modules (bundled from src
// with esbuild) over the kept store cut at that report — its flow history up
// to the report's hour and a latest report made of that hour's means (the
// store keeps hours, not each report: an approximation of the report the hub
// saw). Prints, per miss, the arrivals observed against the forecast (and the
// nowcast's ratio), the predicted wait against target at each stage, and the
// gate that stopped the warning:
//   arrivals  — no hour of the window predicted over target even before any
//               correction, where the arrivals that then came would have been
//               (with the same desks and corrections): the projection fell short;
//   queue model — not even on the arrivals that came: the desks ahead or the
//               queueing model (its service rate, Poisson arrivals) fell short;
//   bias      — over target before the per-site wait bias (wait-bias.ts), not after;
//   handled   — over target after the bias, cleared by the handled-load check;
//   timing    — predicted at the replayed report, yet no warning stood 60 min ahead
//               (opened later, or cleared in between: hysteresis, the report's minute);
// then the reasons with their counts. Also the false alarms by kind with the
// hours they were warned of, replayed the same way at the warning's first report. Asserts nothing.
// With FILE.reports.jsonl beside it (early-warning.mjs --keep writes the reports the hub announced), the latest report is
// the one the hub had at that moment, the site's recent reports are those before it (the nowcast's climb within the
// hour, report-trend.ts), and an episode is replayed at the last report 60 min before it began.
// Then how many of the warnable episodes (warned or not) and of the run's false alarms this checkout's code predicts
// at those reports. --sweep: every air, land and sea site replayed every 2 h of the week, judged as the bench judges a
// warning (a breach hour within 6 h or not); --set NAME=VALUE: a constant of the bundled code set otherwise, to compare
// variants on one store (e.g. --set RISE_HOURS=1).
//   node bench/early-warning-misses.mjs FILE [--hours 6] [--sweep] [--set NAME=VALUE]
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importForecastModules } from './forecast-modules.mjs';
import { arg } from './lib.mjs';

const FILE = process.argv[2];
if (!FILE || FILE.startsWith('--')) {
  console.error('usage: node bench/early-warning-misses.mjs FILE (a store kept by bench/early-warning.mjs --keep FILE)');
  process.exit(2);
}
const HOURS = arg('--hours', 6);
const TARGET = 30;
const HOUR_MS = 3_600_000;
const judged = JSON.parse(readFileSync(`${FILE}.episodes.json`, 'utf8'));

const work = mkdtempSync(join(tmpdir(), 'wf-misses-'));
const m = await importForecastModules(
  [
    "export { openSqliteStore } from './src/hub/store/sqlite/sqlite-store.ts';",
    "export { siteModel } from './src/hub/forecast/site-station.ts';",
    "export { predictSiteHours } from './src/hub/forecast/site-prediction.ts';",
    "export { forecastSite, siteHandledLoad } from './src/hub/forecast/site-forecast.ts';",
    "export { standingBacklog, predictCarried } from './src/hub/forecast/queue-carry.ts';",
    "export { correctWaits } from './src/hub/forecast/wait-bias.ts';",
    "export { breachesBeyondHandled, usuallyRecovers, RECOVERY_DAYS } from './src/hub/forecast/handled-load.ts';",
    "export { readPeakCalendar, defaultPeakCalendarPath } from './src/hub/forecast/peak-calendar-file.ts';",
    "export { summariseFlowHour } from './src/hub/telemetry/flow-history.ts';",
  ],
  'misses',
);

const copy = join(work, 'hub.sqlite');
copyFileSync(FILE, copy);
const store = m.openSqliteStore(copy);
const calendar = m.readPeakCalendar(m.defaultPeakCalendarPath());
const sites = new Map((await store.listSites()).map((s) => [s.id, s]));
const db = new Database(FILE, { readonly: true, fileMustExist: true });
const predicted = db.prepare("SELECT site_id AS siteId, labels, created_at AS createdAt, resolved_at AS resolvedAt FROM incidents WHERE source = 'predicted'").all();
db.close();
const warningsAt = (siteId) =>
  predicted
    .filter((i) => i.siteId === siteId)
    .map((i) => {
      const labels = JSON.parse(i.labels);
      const since = Date.parse(labels.since ?? labels.asOf);
      const until = i.resolvedAt ? since + (Date.parse(i.resolvedAt) - Date.parse(i.createdAt)) * judged.speed : Infinity;
      return { since, until, worst: labels.worstWaitMinutes };
    });

// The reports the hub announced, by site, oldest first (none: the hours' means stand in for them).
const reportsBySite = new Map();
if (existsSync(`${FILE}.reports.jsonl`)) {
  for (const line of readFileSync(`${FILE}.reports.jsonl`, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    if (!reportsBySite.has(r.siteId)) reportsBySite.set(r.siteId, []);
    reportsBySite.get(r.siteId).push(r);
  }
  for (const list of reportsBySite.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
const withReports = reportsBySite.size > 0;
/** The site's announced reports up to `reportAt`, within the 2 h the hub keeps. */
const reportsUpTo = (siteId, reportAt) => (reportsBySite.get(siteId) ?? []).filter((r) => Date.parse(r.at) <= reportAt && Date.parse(r.at) > reportAt - 2 * HOUR_MS);

const observed = async (siteId, hour) => {
  const [row] = await store.listFlowHours({ siteId, fromHour: hour, toHour: hour + 1 });
  return row ? m.summariseFlowHour(row) : undefined;
};

/** The store as the hub saw it at `reportAt`: flow hours up to the report's hour, that hour's means as the latest report. */
async function asOf(siteId, reportAt) {
  const cut = Math.floor(reportAt / HOUR_MS);
  const [row] = await store.listFlowHours({ siteId, fromHour: cut, toHour: cut + 1 });
  if (!row) return undefined;
  const h = m.summariseFlowHour(row);
  const recent = reportsUpTo(siteId, reportAt);
  const latest = withReports && recent.length ? recent.at(-1) : {
    siteId,
    at: new Date(reportAt).toISOString(),
    arrivalsPerHour: h.arrivalsPerHour,
    queueLength: Math.round(h.queueMean),
    waitMinutes: h.waitMeanMinutes,
    egatesInService: Math.round(h.egatesInService),
    countersOpen: Math.round(h.countersOpen),
    ...(h.officersOnDuty === null ? {} : { officersOnDuty: Math.floor(h.officersOnDuty) }),
    ...(h.contactCentre ? { contactCentre: h.contactCentre } : {}),
  };
  const view = new Proxy(store, {
    get(target, key) {
      if (key === 'listFlowHours') return (q) => target.listFlowHours({ ...q, toHour: Math.min(q.toHour, cut + 1) });
      if (key === 'listTelemetry') return async () => [latest];
      // The forecaster reads one site's latest this way: without it the replay forecast from the week's last report.
      if (key === 'telemetryOf') return async () => latest;
      if (key === 'listRecentReports') return async () => recent.map((r) => ({ atMs: Date.parse(r.at), arrivalsPerHour: r.arrivalsPerHour, open: r.countersOpen > 0 || r.egatesInService > 0 }));
      const v = target[key];
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { view, latest };
}

/** usuallyRecovers over the same hour of the site's last RECOVERY_DAYS days (site-prediction.ts's recoversAtThisHour). */
async function recoversAt(view, site, reportAt) {
  const hour = Math.floor(reportAt / HOUR_MS);
  const days = [];
  for (let d = 1; d <= m.RECOVERY_DAYS; d++) {
    const [row] = await view.listFlowHours({ siteId: site.id, fromHour: hour - 24 * d, toHour: hour - 24 * d + 1 });
    if (row) days.push(m.summariseFlowHour(row));
  }
  return m.usuallyRecovers(days, TARGET);
}

/** The hub's prediction for one site at one report, stage by stage (site-prediction.ts's predictFleet, taken apart). */
async function replay(site, reportAt) {
  const at = await asOf(site.id, reportAt);
  if (!at) return undefined;
  const { view, latest } = at;
  const { params, bias } = await m.siteModel(view, site, new Date(latest.at), TARGET);
  const model = { params, waitTargetMinutes: TARGET };
  const forecast = await m.forecastSite(view, site, { hours: HOURS, calendar, now: new Date(latest.at) }, { latest });
  const ahead = await m.predictSiteHours(view, site, latest, HOURS, calendar, model);
  const standing = ahead.hours[0] ? m.standingBacklog(latest.queueLength, ahead.hours[0], params) : 0;
  const raw = m.predictCarried(ahead.hours, model, standing);
  const biased = m.correctWaits(raw, bias, TARGET);
  const load = await m.siteHandledLoad(view, site, Math.floor(reportAt / HOUR_MS), { hours: HOURS, calendar });
  // Over target now, unless the site passes over target at this hour as a matter of course and recovers (as site-prediction.ts reads it).
  const final = m.breachesBeyondHandled(biased, load, latest.waitMinutes > TARGET && !(await recoversAt(view, site, reportAt)));
  // The same hours on the arrivals that then came (the judge's knowledge): did the projection or the queue model fall short?
  const came = [];
  for (const h of ahead.hours) came.push({ ...h, arrivalsPerHour: (await observed(site.id, Math.floor(Date.parse(h.at) / HOUR_MS)))?.arrivalsPerHour ?? h.arrivalsPerHour });
  const onCame = m.correctWaits(m.predictCarried(came, model, standing), bias, TARGET);
  const overOnCame = onCame.some((h) => h.breach);
  const gate = final.some((h) => h.breach) ? 'predicted' : biased.some((h) => h.breach) ? 'handled' : raw.some((h) => h.breach) ? 'bias' : overOnCame ? 'arrivals' : 'queue model';
  return { latest, forecast, ahead, raw, biased, final, gate, params, onCame };
}

const f0 = (x) => (x === null || x === undefined ? '—' : Number.isFinite(x) ? x.toFixed(0) : '∞');

/** The replay's table: the hours ahead, what came against each stage of the prediction. */
async function printHours(siteId, reportAt, r, markHour) {
  const usual = r.forecast.hours[0];
  console.log(`  report: arrivals ${f0(r.latest.arrivalsPerHour)}/h vs forecast ${f0(usual?.arrivalsPerHour)} [${f0(usual?.lower)}–${f0(usual?.upper)}], nowcast ×${usual?.arrivalsPerHour ? (r.ahead.hours[1]?.arrivalsPerHour / r.forecast.hours[1]?.arrivalsPerHour).toFixed(2) : '—'} an hour on; queue ${r.latest.queueLength}, wait ${f0(r.latest.waitMinutes)}, counters ${r.latest.countersOpen}, gates ${r.latest.egatesInService}; counter rate ${r.params.counterServiceRate.toFixed(1)}/h, e-gate rate ${r.params.egateServiceRate.toFixed(0)}/h, eligible ${r.params.egateEligibleShare.toFixed(2)}`);
  console.log('  hour   obs.arr  fcst  nowcast  obs.ctr  ctr  obs.wait  raw  biased  final  on-came');
  for (let i = 0; i < r.ahead.hours.length; i++) {
    const hour = Math.floor(Date.parse(r.latest.at) / HOUR_MS) + i; // the hours start at the latest report's
    const o = await observed(siteId, hour);
    console.log(
      `  ${new Date(hour * HOUR_MS).toISOString().slice(11, 13)}h  ${f0(o?.arrivalsPerHour).padStart(7)} ${f0(r.forecast.hours[i]?.arrivalsPerHour).padStart(5)} ${f0(r.ahead.hours[i].arrivalsPerHour).padStart(8)} ${f0(o?.countersOpen).padStart(8)} ${f0(r.ahead.hours[i].countersOpen).padStart(4)} ${f0(o?.waitMeanMinutes).padStart(9)} ${f0(r.raw[i].waitMinutes).padStart(4)} ${f0(r.biased[i].waitMinutes).padStart(7)} ${(r.final[i].breach ? 'BREACH' : '').padStart(6)} ${f0(r.onCame[i].waitMinutes).padStart(8)} ${hour === markHour ? '←' : ''}`,
    );
  }
}

const reasons = new Map();
const misses = judged.episodes.filter((e) => e.warnable && !e.warned);
console.log(`early-warning misses: ${FILE}: ${judged.episodes.filter((e) => e.warnable).length} warnable surge episodes, ${misses.length} not warned ≥ 60 min ahead`);
// The last report that could have raised a warning 60 min ahead: the hour 2 h before the episode (its means at :45).
// With the reports: the last report 60 min before it.
const lastUseful = (e) => Date.parse(e.startAt) - (withReports ? HOUR_MS : 2 * HOUR_MS - 45 * 60_000);
// Every warnable episode replayed, warned or not: what this code (the checkout's src) would predict there.
let replayedWarnable = 0;
let predictedWarnable = 0;
for (const e of judged.episodes.filter((x) => x.warnable)) {
  const r = await replay(sites.get(e.siteId), lastUseful(e));
  replayedWarnable++;
  if (r?.gate === 'predicted') predictedWarnable++;
}
for (const e of misses) {
  const site = sites.get(e.siteId);
  const startMs = Date.parse(e.startAt);
  const startHour = startMs / HOUR_MS;
  const reportAt = lastUseful(e);
  const r = await replay(site, reportAt);
  const ws = warningsAt(e.siteId).filter((w) => w.until >= startMs - 3 * HOUR_MS && w.since <= startMs + HOUR_MS);
  let gate = r ? r.gate : 'no report';
  if (gate === 'predicted') gate = 'timing';
  reasons.set(gate, (reasons.get(gate) ?? 0) + 1);
  console.log(`\n${e.siteId} (${e.kind}): episode ${e.startAt.slice(5, 16)}, surge from ${e.surgeAt.slice(5, 16)}; replayed at ${new Date(reportAt).toISOString().slice(5, 16)} → ${gate}`);
  console.log(`  warnings near it: ${ws.map((w) => `${new Date(w.since).toISOString().slice(5, 16)}–${Number.isFinite(w.until) ? new Date(w.until).toISOString().slice(11, 16) : 'open'} (worst ${w.worst})`).join(', ') || 'none'}`);
  if (!r) continue;
  await printHours(e.siteId, reportAt, r, startHour);
}
console.log(`\nreasons: ${[...reasons].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
const byKind = judged.falseAlarms.reduce((acc, w) => acc.set(w.kind, (acc.get(w.kind) ?? 0) + 1), new Map());
console.log(`false alarms by kind: ${[...byKind].sort().map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
let stillPredicted = 0;
for (const w of judged.falseAlarms) {
  // Replayed at the warning's first report (its hour's means: the same approximation as above).
  const reportAt = Date.parse(w.since);
  const r = await replay(sites.get(w.siteId), reportAt);
  console.log(`\nfalse alarm ${w.siteId} (${w.kind}) ${w.since.slice(5, 16)}–${w.until ? w.until.slice(11, 16) : 'open'}: replayed → ${r ? r.gate : 'no report'}`);
  if (r) await printHours(w.siteId, reportAt, r, undefined);
  if (r?.gate === 'predicted') stillPredicted++;
}
// --sweep: every air, land and sea site (and with the reports the service centres too, whose mornings were the false
// alarms at a finer cadence) replayed every 2 h of the week, each prediction judged as the bench judges a
// warning (a breach hour at the site within the 6-hour window, or not): the false alarms this code would raise anywhere.
if (process.argv.includes('--sweep')) {
  const from = Math.ceil(Date.parse(judged.weekStart) / HOUR_MS) + 6;
  const [{ last }] = [{ last: Math.max(...judged.episodes.map((e) => Date.parse(e.startAt) / HOUR_MS), from) }];
  const kinds = withReports ? ['air', 'land', 'sea', 'service-centre'] : ['air', 'land', 'sea'];
  let predictedHours = 0;
  let idle = 0;
  const idleByKind = new Map();
  for (const site of sites.values()) {
    if (!kinds.includes(site.kind)) continue;
    for (let h = from; h <= last; h += 2) {
      const r = await replay(site, h * HOUR_MS + 45 * 60_000);
      if (r?.gate !== 'predicted') continue;
      predictedHours++;
      let breach = false;
      for (let k = h; k <= h + 6 && !breach; k++) breach = ((await observed(site.id, k))?.waitMeanMinutes ?? 0) > TARGET;
      if (!breach) {
        idle++;
        idleByKind.set(site.kind, (idleByKind.get(site.kind) ?? 0) + 1);
      }
    }
  }
  console.log(`sweep (${kinds.join(', ')} every 2 h): ${predictedHours} reports predicted a breach, ${idle} with none at the site within 6 h (${[...idleByKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'})`);
}
console.log(`\nreplayed with this checkout's code: ${predictedWarnable} of ${replayedWarnable} warnable episodes predicted at the last report ≥ 60 min ahead; ${stillPredicted} of ${judged.falseAlarms.length} false alarms predicted at their first report`);
await store.close?.();
rmSync(work, { recursive: true, force: true });
