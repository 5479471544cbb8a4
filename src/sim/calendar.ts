// Local time and the pilgrimage seasons. The Hijri calendar moves about 11
// days earlier each Gregorian year, so the seasons are found from one
// reference date and the mean length of the lunar year: close enough (a day
// or two) for traffic.

const DAY_MS = 86_400_000;
// Saudi Arabia keeps UTC+3 all year, with no daylight saving.
const RIYADH_OFFSET_MS = 3 * 3_600_000;
// Mean length of the Islamic (lunar) year in days.
const LUNAR_YEAR_DAYS = 354.367;
// Day of Arafah (9 Dhu al-Hijjah) 1447, expected on 26 May 2026.
const ARAFAH_REFERENCE = Date.UTC(2026, 4, 26);
// 1 Ramadan 1447, expected on 18 February 2026.
const RAMADAN_REFERENCE = Date.UTC(2026, 1, 18);
const RAMADAN_DAYS = 30;

// Hajj flights land over about four weeks before Arafah and take pilgrims
// home over about three weeks after (2026: roughly 26 April – 25 May in,
// 29 May – 20 June out), busiest in the last days before and the first
// days after.
const HAJJ_ARRIVALS_DAYS = 30;
const HAJJ_PEAK_BEFORE_DAYS = 4;
const HAJJ_DEPARTURES_START_DAYS = 3;
const HAJJ_DEPARTURES_DAYS = 25;

export interface LocalTime {
  /** Hour of the day in Riyadh, fractional (13.5 = 13:30). */
  hour: number;
  /** Day of the week in Riyadh, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** Month in Riyadh, 0 = January. */
  month: number;
}

export function riyadhTime(at: Date): LocalTime {
  const local = new Date(at.getTime() + RIYADH_OFFSET_MS);
  return {
    hour: local.getUTCHours() + local.getUTCMinutes() / 60 + local.getUTCSeconds() / 3600,
    weekday: local.getUTCDay(),
    month: local.getUTCMonth(),
  };
}

/** Days from the nearest occurrence of a yearly Hijri date (negative = before it). */
function daysFromNearest(at: Date, reference: number): number {
  const days = (at.getTime() - reference) / DAY_MS;
  return days - Math.round(days / LUNAR_YEAR_DAYS) * LUNAR_YEAR_DAYS;
}

/**
 * How much of the Hajj movement is passing through at this moment, from 0
 * (none) to 1 (the busiest days): a ramp up to the peak before Arafah, a gap
 * while the pilgrims are at the holy sites, then the departures tailing off.
 */
export function hajjIntensity(at: Date): number {
  const d = daysFromNearest(at, ARAFAH_REFERENCE);
  if (d >= -HAJJ_ARRIVALS_DAYS && d < 0) {
    const peak = -HAJJ_PEAK_BEFORE_DAYS;
    return d <= peak ? (d + HAJJ_ARRIVALS_DAYS) / (HAJJ_ARRIVALS_DAYS + peak) : Math.max(0, -d / HAJJ_PEAK_BEFORE_DAYS);
  }
  const out = d - HAJJ_DEPARTURES_START_DAYS;
  if (out >= 0 && out <= HAJJ_DEPARTURES_DAYS) return 1 - out / HAJJ_DEPARTURES_DAYS;
  return 0;
}

/**
 * Umrah's peak: travel rises through Ramadan and is heaviest in its last ten
 * nights. 0 outside Ramadan, 0.4 in its first twenty days, 1 in the last ten.
 */
export function ramadanUmrahIntensity(at: Date): number {
  const d = daysFromNearest(at, RAMADAN_REFERENCE);
  if (d < 0 || d >= RAMADAN_DAYS) return 0;
  return d >= RAMADAN_DAYS - 10 ? 1 : 0.4;
}
