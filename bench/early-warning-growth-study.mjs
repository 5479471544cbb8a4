#!/usr/bin/env node
// Study (not a test): what the queue-growth rule alone (src/hub/forecast/queue-growth.ts, read by the early
// warning's scan at every report) would warn of on a kept week, and what a variant of its constants would. Reads a
// store kept by `node bench/early-warning.mjs --keep FILE` with its FILE.reports.jsonl and FILE.episodes.json,
// walks each site's reports in order through this checkout's queue-growth.ts (bundled with esbuild; --set NAME=VALUE
// sets a constant of it, as bench/early-warning-misses.mjs does), and takes a warning to stand from the first report
// whose growth carries the wait over target until CLEAR_MINUTES after the last such report (the hub's clearMinutes;
// the forecast can hold it longer). Judged as the bench judges (breach hours from the store's flow hours):
//   hits: warnable episodes with a growth warning standing 60 min before the episode began and still at its start;
//   with the run: the same with the run's own predicted incidents added (what the variant would add to that run);
//   false: growth warnings with no breach hour at the site within their window (open time, at least 6 h); new
//   false: those of them that no predicted incident of the run overlapped (what the variant would add).
// Prints the counts and each episode's first growth report against the hour a warning was needed by. Asserts nothing.
//   node bench/early-warning-growth-study.mjs FILE [--set NAME=VALUE ...] [--recovers-gate] [--list]
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { importForecastModules } from './forecast-modules.mjs';

const FILE = process.argv[2];
if (!FILE || FILE.startsWith('--')) {
  console.error('usage: node bench/early-warning-growth-study.mjs FILE (a store kept by bench/early-warning.mjs --keep FILE) [--set NAME=VALUE] [--list]');
  process.exit(2);
}
const TARGET = 30;
const HOUR_MS = 3_600_000;
const LEAD_MS = HOUR_MS;
const WINDOW_MS = 6 * HOUR_MS;
const CLEAR_MS = 60 * 60_000;
const KEEP_MS = 2 * HOUR_MS; // the recent reports the hub keeps per site

const m = await importForecastModules(
  [
    "export { queueGrowth, grownWaitMinutes, QUEUE_GROWTH_AHEAD_HOURS } from './src/hub/forecast/queue-growth.ts';",
    "export { usuallyRecovers, RECOVERY_DAYS } from './src/hub/forecast/handled-load.ts';",
  ],
  'growth-study',
);

const judged = JSON.parse(readFileSync(`${FILE}.episodes.json`, 'utf8'));
const db = new Database(FILE, { readonly: true, fileMustExist: true });
const breachHours = new Map();
for (const r of db.prepare('SELECT site_id AS siteId, hour, reports, wait_sum AS wait FROM site_flow_hours').all()) {
  if (r.reports > 0 && r.wait / r.reports > TARGET) {
    if (!breachHours.has(r.siteId)) breachHours.set(r.siteId, new Set());
    breachHours.get(r.siteId).add(r.hour);
  }
}
// --recovers-gate: no growth read at an hour the site usually reaches its target at and recovers from (handled-load.ts).
const RECOVERS_GATE = process.argv.includes('--recovers-gate');
const flowHours = new Map();
for (const r of db.prepare('SELECT site_id AS siteId, hour, reports, wait_sum AS wait, wait_max AS waitMax FROM site_flow_hours').all()) {
  flowHours.set(`${r.siteId}:${r.hour}`, { reports: r.reports, waitMeanMinutes: r.reports > 0 ? r.wait / r.reports : 0, waitMaxMinutes: r.waitMax });
}
const recoversAt = (siteId, atMs) => {
  const hour = Math.floor(atMs / HOUR_MS);
  const days = Array.from({ length: m.RECOVERY_DAYS }, (_, d) => flowHours.get(`${siteId}:${hour - 24 * (d + 1)}`)).filter((h) => h !== undefined);
  return m.usuallyRecovers(days, TARGET);
};
const kindOf = new Map(db.prepare('SELECT id, kind FROM sites').all().map((r) => [r.id, r.kind]));
const runWarnings = new Map();
for (const i of db.prepare("SELECT site_id AS siteId, labels, created_at AS createdAt, resolved_at AS resolvedAt FROM incidents WHERE source = 'predicted'").all()) {
  const labels = JSON.parse(i.labels);
  const since = Date.parse(labels.since ?? labels.asOf);
  const until = i.resolvedAt ? since + (Date.parse(i.resolvedAt) - Date.parse(i.createdAt)) * judged.speed : Infinity;
  if (!runWarnings.has(i.siteId)) runWarnings.set(i.siteId, []);
  runWarnings.get(i.siteId).push({ since, until });
}
db.close();

const bySite = new Map();
for (const line of readFileSync(`${FILE}.reports.jsonl`, 'utf8').split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line);
  if (!bySite.has(r.siteId)) bySite.set(r.siteId, []);
  bySite.get(r.siteId).push({ atMs: Date.parse(r.at), arrivalsPerHour: r.arrivalsPerHour, queueLength: r.queueLength, waitMinutes: r.waitMinutes, open: r.countersOpen > 0 || r.egatesInService > 0 });
}

/** Each site's growth warnings: [since, until] on the site's clock, and the reports that fired. */
const growthWarnings = new Map();
const firstFires = new Map();
for (const [siteId, reports] of bySite) {
  reports.sort((a, b) => a.atMs - b.atMs);
  const warnings = [];
  const fires = [];
  let from = 0;
  for (let i = 0; i < reports.length; i++) {
    const at = reports[i].atMs;
    while (reports[from].atMs <= at - KEEP_MS) from++;
    const growth = m.queueGrowth(reports.slice(from, i + 1), kindOf.get(siteId));
    if (!growth || m.grownWaitMinutes(growth, m.QUEUE_GROWTH_AHEAD_HOURS) <= TARGET) continue;
    if (RECOVERS_GATE && recoversAt(siteId, at)) continue;
    fires.push(at);
    const last = warnings.at(-1);
    if (last && at <= last.until) last.until = at + CLEAR_MS;
    else warnings.push({ since: at, until: at + CLEAR_MS });
  }
  growthWarnings.set(siteId, warnings);
  firstFires.set(siteId, fires);
}

const weekStart = Date.parse(judged.weekStart);
const breachWithin = (siteId, fromMs, toMs) => {
  const hours = breachHours.get(siteId) ?? new Set();
  for (let h = Math.floor(fromMs / HOUR_MS); h * HOUR_MS <= toMs; h++) if (hours.has(h)) return true;
  return false;
};
const standsOver = (list, startMs) => list.some((w) => w.since <= startMs - LEAD_MS && w.until >= startMs);

const warnable = judged.episodes.filter((e) => e.warnable);
let hits = 0;
let hitsWithRun = 0;
let runHits = 0;
const lines = [];
for (const e of warnable) {
  const start = Date.parse(e.startAt);
  const g = standsOver(growthWarnings.get(e.siteId) ?? [], start);
  const r = standsOver(runWarnings.get(e.siteId) ?? [], start);
  hits += g ? 1 : 0;
  runHits += r ? 1 : 0;
  hitsWithRun += g || r ? 1 : 0;
  const first = (firstFires.get(e.siteId) ?? []).find((t) => t >= start - 4 * HOUR_MS && t <= start + HOUR_MS);
  lines.push(`  ${e.siteId.padEnd(12)} ${e.kind.padEnd(5)} episode ${e.startAt.slice(5, 16)} surge ${e.surgeAt.slice(11, 16)}; growth first ${first ? new Date(first).toISOString().slice(11, 16) : '—'} (needed by ${new Date(start - LEAD_MS).toISOString().slice(11, 16)})${g ? ' HIT' : ''}${r ? ' run-hit' : ''}`);
}
let warnings = 0;
let falses = 0;
let newFalses = 0;
const falseByKind = new Map();
for (const [siteId, list] of growthWarnings) {
  for (const w of list) {
    if (w.since < weekStart) continue;
    warnings++;
    if (breachWithin(siteId, w.since, Math.max(w.until, w.since + WINDOW_MS))) continue;
    falses++;
    const overlapped = (runWarnings.get(siteId) ?? []).some((r) => r.since <= w.until && r.until >= w.since);
    if (!overlapped) newFalses++;
    const kind = kindOf.get(siteId) ?? '?';
    falseByKind.set(kind, (falseByKind.get(kind) ?? 0) + 1);
    if (process.argv.includes('--list')) lines.push(`  false: ${siteId} ${new Date(w.since).toISOString().slice(5, 16)}–${new Date(w.until).toISOString().slice(11, 16)}${overlapped ? '' : ' (new)'}`);
  }
}
const sets = [];
for (let i = process.argv.indexOf('--set'); i > 0; i = process.argv.indexOf('--set', i + 1)) sets.push(process.argv[i + 1]);
console.log(`growth study ${FILE}${sets.length ? ` (${sets.join(', ')})` : ''}${RECOVERS_GATE ? ' (recovers gate)' : ''}: ${warnable.length} warnable episodes`);
console.log(`  growth alone warned ${hits}; the run warned ${runHits}; both together ${hitsWithRun}`);
console.log(`  growth warnings ${warnings}, with no breach in their window ${falses} (${[...falseByKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), of them overlapping none of the run's: ${newFalses}`);
if (process.argv.includes('--list')) console.log(lines.join('\n'));
