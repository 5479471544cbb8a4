#!/usr/bin/env node
// Study (not a test): what keeping each predicted incident of a kept week open longer after it was resolved would
// have done to the bench's figures — the early warning's clearMinutes, replayed on the run's own incidents. Each
// resolved incident is taken to stand --extra more site-minutes; one that opened at the site before that end is the
// same incident (absorbed). Judged as bench/early-warning.mjs judges (warnable surge episodes with a warning open
// 60 min before they began and still open then; false alarms: warnings with no breach hour at the site within their
// window, open time or at least 6 h). An approximation: the hub would also have updated the longer-open incident.
//   node bench/early-warning-clear-study.mjs FILE [--extra 60]   (FILE: a store kept by early-warning.mjs --keep)
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { arg } from './lib.mjs';

const FILE = process.argv[2];
if (!FILE || FILE.startsWith('--')) {
  console.error('usage: node bench/early-warning-clear-study.mjs FILE [--extra MINUTES] (a store kept by bench/early-warning.mjs --keep FILE)');
  process.exit(2);
}
const EXTRA_MS = arg('--extra', 60) * 60_000;
const HOUR_MS = 3_600_000;
const TARGET = 30;
const WINDOW_MS = 6 * HOUR_MS;

const judged = JSON.parse(readFileSync(`${FILE}.episodes.json`, 'utf8'));
const weekStart = Date.parse(judged.weekStart);
const db = new Database(FILE, { readonly: true, fileMustExist: true });
const breachHours = new Map();
for (const r of db.prepare('SELECT site_id AS siteId, hour, reports, wait_sum AS wait FROM site_flow_hours').all()) {
  if (r.reports > 0 && r.wait / r.reports > TARGET) (breachHours.get(r.siteId) ?? breachHours.set(r.siteId, new Set()).get(r.siteId)).add(r.hour);
}
const incidents = new Map();
for (const i of db.prepare("SELECT site_id AS siteId, labels, created_at AS createdAt, resolved_at AS resolvedAt FROM incidents WHERE source = 'predicted'").all()) {
  const labels = JSON.parse(i.labels);
  const since = Date.parse(labels.since ?? labels.asOf);
  const until = i.resolvedAt ? since + (Date.parse(i.resolvedAt) - Date.parse(i.createdAt)) * judged.speed : Infinity;
  (incidents.get(i.siteId) ?? incidents.set(i.siteId, []).get(i.siteId)).push({ since, until });
}
db.close();

function figures(extraMs) {
  const merged = new Map();
  for (const [siteId, list] of incidents) {
    const out = [];
    for (const w of [...list].sort((a, b) => a.since - b.since)) {
      const until = w.until + extraMs;
      const last = out.at(-1);
      if (last && w.since <= last.until) last.until = Math.max(last.until, until);
      else out.push({ since: w.since, until });
    }
    merged.set(siteId, out);
  }
  const hits = judged.episodes.filter((e) => e.warnable && (merged.get(e.siteId) ?? []).some((w) => w.since <= Date.parse(e.startAt) - HOUR_MS && w.until >= Date.parse(e.startAt))).length;
  let warnings = 0;
  let falseAlarms = 0;
  for (const [siteId, list] of merged) {
    for (const w of list) {
      if (w.since < weekStart) continue;
      warnings++;
      const end = Math.max(Number.isFinite(w.until) ? w.until : w.since, w.since + WINDOW_MS);
      const hours = breachHours.get(siteId) ?? new Set();
      let breach = false;
      for (let h = Math.floor(w.since / HOUR_MS); h <= Math.floor(end / HOUR_MS) && !breach; h++) breach = hours.has(h);
      if (!breach) falseAlarms++;
    }
  }
  return `${hits} of ${judged.episodes.filter((e) => e.warnable).length} warnable episodes warned, ${falseAlarms} of ${warnings} warnings with no breach`;
}
console.log(`clear study ${FILE}: as the run judged: ${figures(0)}; each kept open ${EXTRA_MS / 60_000} min longer: ${figures(EXTRA_MS)}`);
