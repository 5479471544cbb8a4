// Surges nobody announced: diverted flights or an extra bank of charters at an
// airport, a convoy of buses at a land crossing, an added sailing at a ferry
// port. They are what the early warning exists for, so they build the way
// real ones do — the extra traffic ramps up over one and a half to three hours
// (diverted and extra flights land one after another, a convoy's buses queue
// back from the border), holds, then eases — and the rise shows in the
// arrivals a site reports before its queue forms. (With a ramp of an hour, the
// queue of a site with ordinary headroom forms within the hour the surge
// starts: no report could precede it by the hour a warning needs.)
// None is in the roster (queues.ts plans for the timetable) nor in any
// calendar the hub is given; the hub sees them only in telemetry.
//
// The schedule is a pure function of the seed, the site and the day (UTC), so
// a run is reproducible however its ticks fall and the surges leave the
// world's other draws (faults, arrivals) as they were.
import type { SiteKind } from '../core/model.js';
import { mulberry32 } from './rng.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

// Estimates: a port sees about one surge a week and a half (diversions,
// charters and convoys are not rare across a fleet of fifty ports), in the
// day's waking hours (06:00–22:00 Riyadh). At its height a surge brings two
// to three and a half times the timetabled flow, or two to four extra flights
// (ferries, ships' crews) an hour, whichever is more: a diverted bank is a
// few aircraft, which doubles a hub's hall no more than a tenth but swamps a
// regional airport's. Service centres and the 992 line have none here.
const SURGE_CHANCE_PER_DAY: Partial<Record<SiteKind, number>> = { air: 0.1, land: 0.1, sea: 0.1 };
const FIRST_START_HOUR_UTC = 3; // 06:00 Riyadh
const START_SPREAD_HOURS = 16;
const RAMP_HOURS = { min: 1.5, max: 3 };
const HOLD_HOURS = { min: 1, max: 3 };
const EASE_HOURS = 1;
const PEAK = { min: 2, max: 3.5 };
const EXTRA_GROUPS_PER_HOUR = { min: 2, max: 4 };

export interface Surge {
  siteId: string;
  /** When the extra traffic starts to arrive (ms). */
  startMs: number;
  rampHours: number;
  holdHours: number;
  easeHours: number;
  /** The multiple of the timetabled flow at the height… */
  peak: number;
  /** …or this many extra flights (ferries, crews) an hour, whichever brings more. */
  extraGroupsPerHour: number;
}

// The surges draw from a stream of their own (salted from the run's seed), so
// adding them left the world's other draws as they were; the past the demo
// reports at start (past-flow.ts) draws the same surges from the same seed.
const SURGE_SEED_SALT = 0x5a9e;

/** The seed of a run's surge schedule. */
export const surgeSeedOf = (seed: number): number => (seed ^ SURGE_SEED_SALT) >>> 0;

/** A site id as a number, so each site draws its own days. */
function siteHash(siteId: string): number {
  let h = 2166136261;
  for (let i = 0; i < siteId.length; i++) h = Math.imul(h ^ siteId.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The surge starting at a site on the UTC day `day` (days since the epoch), if any. */
export function surgeOnDay(seed: number, siteId: string, kind: SiteKind, day: number): Surge | undefined {
  const chance = SURGE_CHANCE_PER_DAY[kind] ?? 0;
  if (chance <= 0) return undefined;
  const rng = mulberry32((seed ^ siteHash(siteId) ^ Math.imul(day, 0x9e3779b1)) >>> 0);
  if (rng.next() >= chance) return undefined;
  const between = (r: { min: number; max: number }) => r.min + (r.max - r.min) * rng.next();
  return {
    siteId,
    startMs: day * DAY_MS + (FIRST_START_HOUR_UTC + START_SPREAD_HOURS * rng.next()) * HOUR_MS,
    rampHours: between(RAMP_HOURS),
    holdHours: between(HOLD_HOURS),
    easeHours: EASE_HOURS,
    peak: between(PEAK),
    extraGroupsPerHour: between(EXTRA_GROUPS_PER_HOUR),
  };
}

/** How far into its life a surge is at `atMs`: 0 before and after, rising to 1 at its height. */
export function surgeShape(s: Surge, atMs: number): number {
  const h = (atMs - s.startMs) / HOUR_MS;
  if (h <= 0) return 0;
  if (h < s.rampHours) return h / s.rampHours;
  if (h < s.rampHours + s.holdHours) return 1;
  const eased = h - s.rampHours - s.holdHours;
  return eased < s.easeHours ? 1 - eased / s.easeHours : 0;
}

/** Travellers per hour a surge adds at `atMs` to a site's timetabled flow (arriving in groups of `groupSize`). */
export function surgeExtraPerHour(s: Surge, atMs: number, timetabled: number, groupSize: number): number {
  const shape = surgeShape(s, atMs);
  return shape > 0 ? shape * Math.max((s.peak - 1) * timetabled, s.extraGroupsPerHour * groupSize) : 0;
}

/** Travellers per hour the surges add at a site at `atMs` (a surge may run past midnight: yesterday's is asked too). */
export function surgeArrivalsPerHour(seed: number, site: { id: string; kind: SiteKind }, atMs: number, timetabled: number, groupSize: number): number {
  const day = Math.floor(atMs / DAY_MS);
  let extra = 0;
  for (const d of [day - 1, day]) {
    const s = surgeOnDay(seed, site.id, site.kind, d);
    if (s) extra = Math.max(extra, surgeExtraPerHour(s, atMs, timetabled, groupSize));
  }
  return extra;
}

/** The surges starting at the fleet's sites in [fromMs, toMs), by start: for the simulator's log (the bench judges by them). */
export function surgesBetween(seed: number, sites: ReadonlyArray<{ id: string; kind: SiteKind }>, fromMs: number, toMs: number): Surge[] {
  const out: Surge[] = [];
  for (let day = Math.floor(fromMs / DAY_MS); day * DAY_MS < toMs; day++) {
    for (const site of sites) {
      const s = surgeOnDay(seed, site.id, site.kind, day);
      if (s && s.startMs >= fromMs && s.startMs < toMs) out.push(s);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.siteId.localeCompare(b.siteId));
}

/** The simulator's log line for a surge as it starts (bench/early-warning.mjs reads `surge SITE from ISO`). */
export function surgeLine(s: Surge): string {
  return `simulator: surge ${s.siteId} from ${new Date(s.startMs).toISOString()}, at its height after ${s.rampHours.toFixed(1)} h (×${s.peak.toFixed(1)} or ${s.extraGroupsPerHour.toFixed(1)} more groups an hour), held ${s.holdHours.toFixed(1)} h, eased over ${s.easeHours} h`;
}
