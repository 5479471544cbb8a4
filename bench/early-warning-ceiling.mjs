#!/usr/bin/env node
// Study (not a test): the most any early warning could have warned of in a week
// judged by bench/early-warning.mjs, given only what the surges had shown by the
// time a warning was needed (bench/surge-ceiling.mjs says how). Reads
// FILE.episodes.json (written by `node bench/early-warning.mjs --keep FILE`) and
// prints each warnable surge episode — how long its surge had run by the
// deadline, the travellers it had added (in flights, ferries or crews where they
// come so), the timetable's own, the chance an ideal detector saw it, and
// whether the hub warned — then the expected hits of that detector: an upper
// bound on the hit rate the bench can show with surges the forecaster is not
// told about.
//   node bench/early-warning-ceiling.mjs FILE [--seed 7]
import { readFileSync } from 'node:fs';
import { arg } from './lib.mjs';
import { surgeCeiling } from './surge-ceiling.mjs';

const FILE = process.argv[2];
if (!FILE || FILE.startsWith('--')) {
  console.error('usage: node bench/early-warning-ceiling.mjs FILE [--seed 7]   (FILE as given to early-warning.mjs --keep)');
  process.exit(2);
}
const SEED = arg('--seed', 7);
const { episodes } = JSON.parse(readFileSync(`${FILE}.episodes.json`, 'utf8'));
const { rows, expected } = await surgeCeiling(episodes, SEED);

const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;
console.log(`surge episodes warnable (FILE ${FILE}, seed ${SEED}): ${rows.length}`);
console.log('  site        kind  surge under way by the deadline  extra travellers (groups)  timetabled  chance an ideal detector saw it  warned');
for (const r of [...rows].sort((a, b) => a.chance - b.chance)) {
  const groups = r.group > 1 ? `${r.extra.toFixed(0)} (${(r.extra / r.group).toFixed(2)} of ${r.group})` : `${r.extra.toFixed(0)} (one at a time)`;
  console.log(`  ${r.episode.siteId.padEnd(11)} ${r.episode.kind.padEnd(5)} ${`${r.minutes.toFixed(0)} min`.padStart(10)}${''.padEnd(22)} ${groups.padEnd(26)} ${r.timetabled.toFixed(0).padStart(10)}  ${r.chance.toFixed(2).padStart(10)}${''.padEnd(22)} ${r.episode.warned ? 'yes' : 'no'}`);
}
console.log(`expected hits of an ideal detector: ${expected.toFixed(1)} of ${rows.length} (${pct(expected, rows.length)}); episodes it more likely missed than saw: ${rows.filter((r) => r.chance < 0.5).length}`);
console.log(`warned by the hub in that run: ${rows.filter((r) => r.episode.warned).length} of ${rows.length}`);
