// The most any early warning could have seen of the surges behind a week's
// breach episodes by the hour a warning was needed (60 min before the
// episode's hour), from the simulator's own modules (src/sim, bundled): the
// surge behind each episode and the site's timetable, integrated from the
// surge's start to that deadline.
//   Sites whose travellers come in groups (flights, ferries, crews): a surge
//   shows only once a whole extra group has landed. With the extra travellers
//   due by the deadline worth g groups, the chance one has landed is at most
//   min(1, g) (the simulator lands a group when the travellers owed reach one:
//   drawArrivals in src/sim/step.ts) — a generous bound, since it supposes one
//   extra flight among the timetabled ones gives itself away.
//   Sites whose travellers come one at a time (land ports): an ideal detector
//   that knows the timetable exactly sees the extra count against Poisson
//   noise, with a threshold of 1.28 σ (a 10 % false-alarm rate at every look,
//   far looser than the week's 10 % of warnings): it warns with probability
//   Φ(z − 1.28), z = extra / √timetabled.
// Used by bench/early-warning.mjs (a line beside its hit rate) and
// bench/early-warning-ceiling.mjs (each episode, from a kept week).
import { importForecastModules } from './forecast-modules.mjs';

const LEAD_MS = 60 * 60_000;
const DAY_MS = 86_400_000;
const STEP_MS = 60_000;
const Z_THRESHOLD = 1.28;

/** Φ, the standard normal's distribution function (Abramowitz & Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(z) {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

/**
 * For each warnable episode ({ siteId, startAt, surgeAt, warnable, warned }, as
 * bench/early-warning.mjs judges them), what its surge had shown by the
 * deadline: { episode, minutes (under way), group (size), extra and timetabled
 * (travellers), chance (an ideal detector saw it) }, and the expected hits.
 */
export async function surgeCeiling(episodes, seed) {
  const sim = await importForecastModules(
    [
      "export { buildDemoFleet } from './src/sim/fleet.ts';",
      "export { buildWorld } from './src/sim/world.ts';",
      "export { expectedArrivalsPerHour, arrivalGroupSize } from './src/sim/arrivals.ts';",
      "export { surgeOnDay, surgeSeedOf, surgeExtraPerHour } from './src/sim/surges.ts';",
    ],
    'surge-ceiling',
  );
  const world = sim.buildWorld(sim.buildDemoFleet());
  const surgeSeed = sim.surgeSeedOf(seed);
  const rows = episodes
    .filter((e) => e.warnable)
    .map((episode) => {
      const model = world.siteById.get(episode.siteId);
      const surgeMs = Date.parse(episode.surgeAt);
      const surge = sim.surgeOnDay(surgeSeed, episode.siteId, model.site.kind, Math.floor(surgeMs / DAY_MS));
      // The bench has the start from the simulator's log line, to the millisecond.
      if (!surge || Math.abs(surge.startMs - surgeMs) >= 1) throw new Error(`no surge at ${episode.siteId} from ${episode.surgeAt} with seed ${seed}`);
      const deadline = Date.parse(episode.startAt) - LEAD_MS;
      const group = sim.arrivalGroupSize(model.site);
      let extra = 0;
      let timetabled = 0;
      for (let t = surge.startMs; t < deadline; t += STEP_MS) {
        const planned = sim.expectedArrivalsPerHour(model.site, new Date(t), model.bankPhase);
        timetabled += (planned * STEP_MS) / 3_600_000;
        extra += (sim.surgeExtraPerHour(surge, t, planned, group) * STEP_MS) / 3_600_000;
      }
      const chance = group > 1 ? Math.min(1, extra / group) : timetabled > 0 ? normalCdf(extra / Math.sqrt(timetabled) - Z_THRESHOLD) : 1;
      return { episode, minutes: (deadline - surge.startMs) / 60_000, group, extra, timetabled, chance };
    });
  return { rows, expected: rows.reduce((s, r) => s + r.chance, 0) };
}
