#!/usr/bin/env node
// Benchmark (not a test): what the queueing model costs where the forecast
// and the early warnings will call it — a predicted wait and a staffing advice
// for every hour ahead of every site. Bundles the pure module from src/ with
// esbuild (it is not in the CLI's bundle) and times, for a fleet of sites
// shaped like the demo's (airports of 20–160 desks, land ports of up to 100
// lanes, service centres of a few), `--hours` hours each, the baseline plus
// `--scenarios` scenarios: the same work as `scenario` for every site at once.
//   node bench/staffing.mjs [--sites 103] [--hours 24] [--scenarios 2] [--rounds 20]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { arg, fmt, ROOT, summarize } from './lib.mjs';

const SITES = arg('--sites', 103);
const HOURS = arg('--hours', 24);
const SCENARIOS = arg('--scenarios', 2);
const ROUNDS = arg('--rounds', 20);

const dir = mkdtempSync(join(tmpdir(), 'wf-bench-staffing-'));
const file = join(dir, 'queueing.mjs');
const contents = "export { runScenario } from './src/hub/forecast/scenario.ts'; export { STATION_PARAMS } from './src/hub/forecast/queueing-station.ts';";
await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'node', outfile: file, logLevel: 'error' });
const { runScenario, STATION_PARAMS } = await import(pathToFileURL(file).href);
rmSync(dir, { recursive: true, force: true });

// A fleet in the demo's proportions: 30 airports, 20 land ports, 10 sea ports, the rest service centres.
const kinds = (i) => (i < 30 ? 'air' : i < 50 ? 'land' : i < 60 ? 'sea' : 'service-centre');
const fleet = Array.from({ length: SITES }, (_, i) => {
  const kind = kinds(i);
  const desks = kind === 'air' ? 20 + ((i * 37) % 141) : kind === 'land' ? 10 + ((i * 13) % 91) : kind === 'sea' ? 4 + (i % 17) : 3 + (i % 10);
  const rate = STATION_PARAMS[kind].counterServiceRate;
  const hours = Array.from({ length: HOURS }, (_, h) => ({
    at: new Date(Date.UTC(2026, 11, 1, h)).toISOString(),
    // A daily swing around 60 % of the desks' capacity, peaks over it.
    arrivalsPerHour: desks * rate * (0.6 + 0.45 * Math.sin((h / 24) * 2 * Math.PI)) / (1 - STATION_PARAMS[kind].egateEligibleShare * (kind === 'air' ? 1 : 0)),
    countersOpen: Math.round(desks * 0.6),
    egatesInService: kind === 'air' ? Math.ceil(desks / 4) : 0,
    maxCounters: desks,
  }));
  return { params: STATION_PARAMS[kind], hours };
});
const scenarios = [{ arrivals: { percent: 30 } }, { egates: { percent: -50 }, staff: { count: -10 } }, { arrivals: { percent: -20 } }].slice(0, SCENARIOS);

const times = [];
let breaches = 0;
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  breaches = 0;
  for (const site of fleet) {
    const model = { params: site.params, waitTargetMinutes: 30 };
    breaches += runScenario('baseline', site.hours, {}, model).breachHours;
    for (const changes of scenarios) breaches += runScenario('s', site.hours, changes, model).breachHours;
  }
  times.push(performance.now() - started);
}
const s = summarize(times);
console.log(`staffing: ${SITES} sites × ${HOURS} h × (baseline + ${SCENARIOS} scenarios) = ${SITES * HOURS * (1 + SCENARIOS)} hour predictions with advice, ${ROUNDS} rounds`);
console.log(`  per round: median ${fmt(s.p50)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)} (${breaches} breach hours a round)`);
