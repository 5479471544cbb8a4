// A surge's rise, carried into the hours ahead. An unannounced surge (diverted
// flights, a convoy, an added sailing) builds over hours, and the nowcast
// (site-prediction.ts) saw only where it stood: its excess over the usual at
// the latest report, faded ahead. So a surge an hour into its climb was
// projected flat and falling while its arrivals kept rising, and its queue
// was seen only once it stood (bench/early-warning.mjs, DMM: 1,757 an hour
// reported beyond a usual of 975, 1,545–1,700 projected for the hours after,
// 2,470–3,120 came; none of the warnable surges a full week held but 2 of 18
// were warned an hour ahead). Here the excess at the latest report is set
// against the excess of the hour before it (its mean report beyond its own
// band; the hour before that when that hour sent no report), and when both
// stand beyond the usual and the later is higher, the rise per hour between
// them is carried on for RISE_HOURS more, then faded as the nowcast fades. Only a rise seen in two readings counts: a
// planeload's or a ferry's hour is one reading beyond the band, then none.
// And only at sites whose hours are smooth enough for two readings to make a
// trend (the interval no wider than the usual): carried at the regional
// airports, whose hours come a planeload at a time, it warned of surges they
// took in their stride (WAE, BHH: 220–320 an hour reported, 490–710 carried
// to, 7-minute waits recorded). Replayed over two kept weeks (bench/early-
// warning-misses.mjs --sweep), the warnable surges predicted at the last report
// an hour ahead went from 13 to 15 of 40 (18 without the width gate), and the
// air, land and sea predictions with no breach within 6 h from 5 to 3 (12
// without it). Pure.

/** Hours ahead of the report a rise seen now is carried on (the demo's surges and real ones alike build over one to three hours). */
export const RISE_HOURS = 2;

/**
 * A rise is carried only once the latest report is at least this multiple of
 * the usual at its minute: a busier day than the history (a service centre's
 * first working day of the week) runs a third to a half above its usual and
 * climbs with its own morning, where a surge an hour in has doubled it.
 */
export const RISE_MIN_MULTIPLE = 2;

/** What the rise rests on: the excess (travellers an hour beyond the band) at two readings, and the hours between them. */
export interface RiseEvidence {
  /** The latest report's rate and the usual at its minute. */
  reported: number;
  usual: number;
  excessBefore: number;
  excessNow: number;
  hours: number;
  /** The count's own spread at the hour before (errorScale of its usual): an excess within it is rounding, not a reading beyond the band. */
  spread: number;
  /** The current hour's interval, lower to upper, over its usual: wider than the usual itself, the site's hours come a planeload or a ferry at a time. */
  relativeWidth: number;
}

/** A site whose interval is wider than this share of its usual has hours too lumpy for two readings to make a trend. */
export const RISE_MAX_RELATIVE_WIDTH = 1;

/** Travellers an hour the rise adds per hour, or 0 when there is none to carry (not beyond the band twice, not rising). */
export function risePerHour(e: RiseEvidence): number {
  if (!(e.excessBefore > e.spread && e.excessNow > e.excessBefore && e.hours > 0 && e.reported >= RISE_MIN_MULTIPLE * e.usual && e.relativeWidth <= RISE_MAX_RELATIVE_WIDTH)) return 0;
  return (e.excessNow - e.excessBefore) / e.hours;
}

/** The hours of the way to `hoursAhead` (from the report) the rise is carried over: at most RISE_HOURS. */
export const risingHours = (hoursAhead: number): number => Math.min(Math.max(0, hoursAhead), RISE_HOURS);
