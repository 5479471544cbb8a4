// Expected travellers per hour at a site at a given moment: the site's mean
// (traffic.ts) shaped by the time of day, the day of the week, flight banks
// at airports, the month and the pilgrimage seasons.
import type { SiteKind } from '../core/model.js';
import { hajjIntensity, ramadanUmrahIntensity, riyadhTime, type LocalTime } from './calendar.js';
import { meanHourlyVolume, type TrafficSite } from './traffic.js';

// Relative traffic at each local hour 00:00 … 23:00 (interpolated between).
// Shapes are estimates: airports have a night trough around 04:00 and morning
// and evening peaks; land crossings are a daytime flow peaking late afternoon;
// ferries sail by day; service centres open 08:00–15:00 with a dip at the
// midday prayer; the 992 line rings around the clock, busiest in the
// office morning with a second swell in the evening. Each is normalised to a
// mean of 1 over its open hours.
const RAW_DAILY_CURVES: Record<SiteKind, readonly number[]> = {
  air: [0.9, 0.7, 0.5, 0.35, 0.3, 0.4, 0.7, 1.0, 1.3, 1.45, 1.35, 1.2, 1.1, 1.05, 1.1, 1.2, 1.3, 1.45, 1.55, 1.6, 1.5, 1.35, 1.2, 1.05],
  land: [0.4, 0.3, 0.25, 0.2, 0.25, 0.45, 0.8, 1.1, 1.3, 1.35, 1.3, 1.25, 1.2, 1.2, 1.25, 1.35, 1.45, 1.5, 1.5, 1.4, 1.2, 0.95, 0.7, 0.5],
  sea: [0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.4, 2.0, 1.8, 1.4, 1.2, 1.2, 1.4, 1.8, 2.0, 1.8, 1.4, 1.0, 0.6, 0.3, 0.2, 0.15, 0.1],
  'service-centre': [0, 0, 0, 0, 0, 0, 0, 0, 1.1, 1.4, 1.4, 1.2, 0.9, 0.9, 0.6, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  'contact-centre': [0.15, 0.1, 0.08, 0.06, 0.06, 0.1, 0.3, 0.7, 1.3, 1.7, 1.8, 1.7, 1.5, 1.4, 1.4, 1.5, 1.5, 1.4, 1.3, 1.2, 1.0, 0.7, 0.45, 0.25],
};
const SERVICE_CENTRE_OPENS = 8;
const SERVICE_CENTRE_CLOSES = 15;
// The Saudi weekend is Friday and Saturday; government offices close.
const WEEKEND = new Set([5, 6]);

const DAILY_CURVES = Object.fromEntries(
  Object.entries(RAW_DAILY_CURVES).map(([kind, raw]) => {
    const open = raw.filter((v) => v > 0);
    const mean = open.reduce((a, b) => a + b, 0) / open.length;
    return [kind, raw.map((v) => v / mean)];
  }),
) as Record<SiteKind, number[]>;

// Land crossings by day of week (Sunday first): weekend trips, e.g. over the
// King Fahd Causeway, make Thursday and Friday the busiest. Mean 1; estimate.
const LAND_WEEKDAY = [0.9, 0.85, 0.85, 0.95, 1.25, 1.2, 1.0];
// The 992 line by day of week: the working week (Sunday to Thursday) rings
// more than the weekend, Friday least. Mean 1; estimate.
const CONTACT_WEEKDAY = [1.15, 1.1, 1.05, 1.05, 1.0, 0.75, 0.9];
const WEEKDAY: Partial<Record<SiteKind, readonly number[]>> = { land: LAND_WEEKDAY, 'contact-centre': CONTACT_WEEKDAY };
const weekdayFactor = (kind: SiteKind, weekday: number): number => WEEKDAY[kind]?.[weekday] ?? 1;
// Land ports by month, 2024: January carried 10.1 %, September and October
// 7.1 % each, the rest about 8.4 % (SOURCES.md, GASTAT via Okaz); as a
// multiple of the mean month (1/12).
const LAND_MONTH = [1.21, 1.01, 1.01, 1.01, 1.01, 1.01, 1.01, 1.01, 0.85, 0.85, 1.01, 1.01];

// Flights arrive in banks about every two hours. A hub's banks overlap, so
// its flow is smoother than a regional airport's.
const BANK_PERIOD_HOURS = 2;
const HUB_BANK_AMPLITUDE = 0.2;
const REGIONAL_BANK_AMPLITUDE = 0.5;
const HUB_THRESHOLD_PER_HOUR = 500;

// Extra traffic at the busiest Hajj moment, as a multiple of the site's usual
// flow (departures mirror arrivals). Hajj 2024 brought 1,546,345 pilgrims by
// air, 60,251 by land and 4,714 by sea over about 30 days (SOURCES.md). With a
// triangular season the peak is twice the average, so:
// - JED-HAJJ takes about 55 % of the air pilgrims, 28 k a day on a usual
//   16 k (estimate 6 M a year): 1.7 on average, 3.4 at the peak;
// - MED about 30 %, 15.5 k a day on a usual 16.4 k: 1.9 at the peak;
// - JED about 15 %, 7.7 k a day on a usual 80 k: 0.2 at the peak;
// - the crossings from Jordan and Yemen share the land pilgrims, about 500 a
//   day each on a usual 6.3 k: 0.16; Jeddah Islamic Port most of the sea
//   pilgrims, 157 a day on a usual 600: 0.5.
const HAJJ_PEAK_BOOST: Record<string, number> = {
  'JED-HAJJ': 3.4,
  MED: 1.9,
  JED: 0.2,
  'LND-HADITHA': 0.16,
  'LND-HALATAMMAR': 0.16,
  'LND-DURRA': 0.16,
  'LND-WADIAH': 0.16,
  'SEA-JED': 0.5,
};
// Umrah (16.9 M pilgrims from abroad in 2024, 89 % by air; SOURCES.md) runs
// all year and is in the annual figures already; Ramadan adds a peak on top,
// heaviest at the gateways to Makkah and Madinah. Estimates.
const RAMADAN_PEAK_BOOST: Record<string, number> = {
  'JED-HAJJ': 0.8,
  JED: 0.35,
  MED: 0.5,
  'LND-HADITHA': 0.2,
  'LND-HALATAMMAR': 0.2,
  'LND-DURRA': 0.2,
  'SEA-JED': 0.3,
};

export function dailyCurve(kind: SiteKind, hour: number): number {
  const curve = DAILY_CURVES[kind];
  const h = ((hour % 24) + 24) % 24;
  const i = Math.floor(h);
  const a = curve[i]!;
  const b = curve[(i + 1) % 24]!;
  if (kind === 'service-centre') return h >= SERVICE_CENTRE_OPENS && h < SERVICE_CENTRE_CLOSES ? a : 0;
  return a + (b - a) * (h - i);
}

export function isOpen(kind: SiteKind, local: LocalTime): boolean {
  if (kind !== 'service-centre') return true;
  return !WEEKEND.has(local.weekday) && local.hour >= SERVICE_CENTRE_OPENS && local.hour < SERVICE_CENTRE_CLOSES;
}

function bankWave(site: TrafficSite, hour: number, phase: number): number {
  if (site.kind !== 'air') return 1;
  const amplitude = meanHourlyVolume(site) >= HUB_THRESHOLD_PER_HOUR ? HUB_BANK_AMPLITUDE : REGIONAL_BANK_AMPLITUDE;
  return 1 + amplitude * Math.sin((2 * Math.PI * hour) / BANK_PERIOD_HOURS + phase);
}

/** Multiplier for the season: the pilgrimages, and the month at land ports. */
export function seasonFactor(site: TrafficSite, at: Date, local: LocalTime = riyadhTime(at)): number {
  const hajj = (HAJJ_PEAK_BOOST[site.id] ?? 0) * hajjIntensity(at);
  const ramadan = (RAMADAN_PEAK_BOOST[site.id] ?? 0) * ramadanUmrahIntensity(at);
  const month = site.kind === 'land' ? LAND_MONTH[local.month]! : 1;
  return (1 + hajj + ramadan) * month;
}

/** The busiest the season gets at a site, for sizing its equipment. */
export function peakSeasonFactor(site: TrafficSite): number {
  const month = site.kind === 'land' ? Math.max(...LAND_MONTH) : 1;
  return (1 + (HAJJ_PEAK_BOOST[site.id] ?? 0) + (RAMADAN_PEAK_BOOST[site.id] ?? 0)) * month;
}

/** The busiest hour of an ordinary day relative to the mean hour, for sizing. */
export function peakHourFactor(site: TrafficSite): number {
  const wave = site.kind === 'air' ? bankWave(site, 0, Math.PI / 2) : 1;
  const weekday = Math.max(...(WEEKDAY[site.kind] ?? [1]));
  return Math.max(...DAILY_CURVES[site.kind]) * wave * weekday;
}

/**
 * Travellers per hour the roster plans for: the hour's usual flow in this
 * season, without the ups and downs of individual flight banks.
 */
export function plannedArrivalsPerHour(site: TrafficSite, at: Date): number {
  const local = riyadhTime(at);
  if (!isOpen(site.kind, local)) return 0;
  const weekday = weekdayFactor(site.kind, local.weekday);
  return meanHourlyVolume(site) * dailyCurve(site.kind, local.hour) * weekday * seasonFactor(site, at, local);
}

/**
 * Expected travellers per hour arriving at passport control: the planned
 * flow with the flight banks on top. `bankPhase` (radians) staggers the banks
 * between airports.
 */
export function expectedArrivalsPerHour(site: TrafficSite, at: Date, bankPhase = 0): number {
  return plannedArrivalsPerHour(site, at) * bankWave(site, riyadhTime(at).hour, bankPhase);
}

// Travellers reach the hall in groups: an aircraft's international
// passengers (estimates: about 180 on a hub's wide- and narrow-body mix, 120
// at a regional airport), a ferry's load at a passenger port, a ship's crew
// at an industrial one (about 20); cars, buses and walk-ins are close enough
// to one at a time.
const HUB_FLIGHT_LOAD = 180;
const REGIONAL_FLIGHT_LOAD = 120;
const FERRY_LOAD = 60;
const CREW_LOAD = 20;
// A sea port with fewer passengers than this a year sees crews, not ferries (traffic.ts: the industrial ports' 15,000).
const FERRY_PORT_PASSENGERS_PER_HOUR = 5;

/** How many travellers arrive together in one group at this site. */
export function arrivalGroupSize(site: TrafficSite): number {
  switch (site.kind) {
    case 'air':
      return meanHourlyVolume(site) >= HUB_THRESHOLD_PER_HOUR ? HUB_FLIGHT_LOAD : REGIONAL_FLIGHT_LOAD;
    case 'sea':
      return meanHourlyVolume(site) >= FERRY_PORT_PASSENGERS_PER_HOUR ? FERRY_LOAD : CREW_LOAD;
    case 'land':
    case 'service-centre':
    case 'contact-centre': // callers ring one at a time
      return 1;
  }
}

/** Hours a flight's or ferry's load should take to clear the desks: the roster opens (and the port equips) desks for it. */
export const GROUP_CLEAR_HOURS = 0.5;
