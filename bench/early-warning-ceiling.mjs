#!/usr/bin/env node
// Study (not a test): the most any early warning could have warned of in a week
// judged by bench/early-warning.mjs, given only what the surges had shown by the
// time a warning was needed. Reads FILE.episodes.json (written by
// `node bench/early-warning.mjs --keep FILE`) and, for each warnable surge
// episode, recomputes from the simulator's own modules (src/sim, bundled) the
// surge behind it and the site's timetable, and integrates from the surge's
// start to the deadline (60 min before the episode's hour) the travellers the
// surge had added by then, against the timetable's own.
//   Sites whose travellers come in groups (flights, ferries, crews): the surge
//   shows only once a whole extra group has landed. With the extra travellers
//   due by the deadline worth g groups, the chance that one has landed is at
//   most min(1, g) (the simulator lands a group when the travellers owed reach
//   one: drawArrivals in src/sim/step.ts) — and a bound that generous still
//   supposes one extra flight among the timetabled ones gives itself away.
//   Sites whose travellers come one at a time (land ports): an ideal detector
//   that knows the timetable exactly sees the extra count against Poisson
//   noise; it is given a threshold of 1.28 σ (a 10 % false-alarm rate at every
//   look, far looser than the week's 10 % of warnings), so it warns with
//   probability Φ(z − 1.28), z = extra / √timetabled.
// Prints each warnable episode with those figures, then the expected hits of
// such a detector over the warnable episodes: an upper bound on the hit rate
// the bench can show with surges the forecaster is not told about.
//   node bench/early-warning-ceiling.mjs FILE [--seed 7]
import { readFileSync } from 'node:fs';
import { importForecastModules } from './forecast-modules.mjs';
import { arg } from './lib.mjs';

const FILE = process.argv[2];
if (!FILE || FILE.startsWith('--')) {
  console.error('usage: node bench/early-warning-ceiling.mjs FILE [--seed 7]   (FILE as given to early-warning.mjs --keep)');
  process.exit(2);
}
const SEED = arg('--seed', 7);
const LEAD_MS = 60 * 60_000;
const DAY_MS = 86_400_000;
const STEP_MS = 60_000;
const Z_THRESHOLD = 1.28;

const sim = await importForecastModules(
  [
    "export { buildDemoFleet } from './src/sim/fleet.ts';",
    "export { buildWorld } from './src/sim/world.ts';",
    "export { expectedArrivalsPerHour, arrivalGroupSize } from './src/sim/arrivals.ts';",
    "export { surgeOnDay, surgeSeedOf, surgeExtraPerHour } from './src/sim/surges.ts';",
  ],
  'early-warning-ceiling',
);

/** Φ, the standard normal's distribution function (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(z) {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

const { episodes } = JSON.parse(readFileSync(`${FILE}.episodes.json`, 'utf8'));
const world = sim.buildWorld(sim.buildDemoFleet());
const surgeSeed = sim.surgeSeedOf(SEED);

const rows = [];
for (const e of episodes.filter((x) => x.warnable)) {
  const model = world.siteById.get(e.siteId);
  const surgeMs = Date.parse(e.surgeAt);
  const surge = sim.surgeOnDay(surgeSeed, e.siteId, model.site.kind, Math.floor(surgeMs / DAY_MS));
  if (!surge || Math.abs(surge.startMs - surgeMs) >= 1) throw new Error(`no surge at ${e.siteId} from ${e.surgeAt} with seed ${SEED}`);
  const deadline = Date.parse(e.startAt) - LEAD_MS;
  const group = sim.arrivalGroupSize(model.site);
  let extra = 0;
  let timetabled = 0;
  for (let t = surge.startMs; t < deadline; t += STEP_MS) {
    const planned = sim.expectedArrivalsPerHour(model.site, new Date(t), model.bankPhase);
    timetabled += (planned * STEP_MS) / 3_600_000;
    extra += (sim.surgeExtraPerHour(surge, t, planned, group) * STEP_MS) / 3_600_000;
  }
  const chance = group > 1 ? Math.min(1, extra / group) : timetabled > 0 ? normalCdf(extra / Math.sqrt(timetabled) - Z_THRESHOLD) : 1;
  rows.push({ e, minutes: (deadline - surge.startMs) / 60_000, group, extra, timetabled, chance });
}

const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;
console.log(`surge episodes warnable (FILE ${FILE}, seed ${SEED}): ${rows.length}`);
console.log('  site        kind  surge under way by the deadline  extra travellers (groups)  timetabled  chance an ideal detector saw it  warned');
for (const r of rows.sort((a, b) => a.chance - b.chance)) {
  const groups = r.group > 1 ? `${r.extra.toFixed(0)} (${(r.extra / r.group).toFixed(2)} of ${r.group})` : `${r.extra.toFixed(0)} (one at a time)`;
  console.log(`  ${r.e.siteId.padEnd(11)} ${r.e.kind.padEnd(5)} ${`${r.minutes.toFixed(0)} min`.padStart(10)}${''.padEnd(22)} ${groups.padEnd(26)} ${r.timetabled.toFixed(0).padStart(10)}  ${r.chance.toFixed(2).padStart(10)}${''.padEnd(22)} ${r.e.warned ? 'yes' : 'no'}`);
}
const expected = rows.reduce((s, r) => s + r.chance, 0);
const unseen = rows.filter((r) => r.chance < 0.5).length;
console.log(`expected hits of an ideal detector: ${expected.toFixed(1)} of ${rows.length} (${pct(expected, rows.length)}); episodes it more likely missed than saw: ${unseen}`);
console.log(`warned by the hub in that run: ${rows.filter((r) => r.e.warned).length} of ${rows.length}`);
