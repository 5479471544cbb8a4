// Which hours of a site's history the arrivals fit leaves out: those the site
// did not get through within its wait target, where that is not its routine
// at that hour of the day. Such an hour is a surge nobody announced, a
// fault's queue, a bank of diverted flights — not a season. Fitted as one,
// it came back a week later as the usual for the same hour of the week: in
// a simulated week (bench/early-warning.mjs) a surge on the first Wednesday
// of a sea port's history (251 an hour at 07:00 UTC, 39 the Wednesday after)
// made the next Wednesday's 07:00 forecast 144 — the mean of the two — on the
// two desks the port opens for its 20, and warned of a 38-minute wait that
// never came. Left out, the hour is a gap, which the model already takes in
// its stride (a missing report). An hour over target on most days at that
// hour is the site's routine, and stays: its demand is the usual one.
// The surge's climb goes with it: the hours just before such an hour whose
// arrivals rose hour on hour into it (up to CLIMB_HOURS of them), although
// the queue was still within target then. Kept, a regional airport's surge
// (241 and 326 an hour at 12:00 and 13:00 on a Friday that usually has
// none, its queue over target from 14:00) was the next Friday's usual noon,
// and every run of the bench warned of a bank that never came. Pure.
import type { FlowHourRecord } from '../store/store.js';
import { hourOfDay } from '../telemetry/flow-history.js';

/** The most hours before an unusual hour left out as its climb. */
export const CLIMB_HOURS = 2;

type Row = Pick<FlowHourRecord, 'hour' | 'reports' | 'waitSum' | 'arrivalsSum'>;

/** The hours (since the epoch) to leave out of the fit: over target, at an hour of the day when the site mostly is not. */
export function unusualHours(rows: readonly Row[], waitTargetMinutes: number): Set<number> {
  const over = rows.filter((r) => r.reports > 0 && r.waitSum / r.reports > waitTargetMinutes);
  if (over.length === 0) return new Set();
  const reported = new Array<number>(24).fill(0);
  const overAt = new Array<number>(24).fill(0);
  for (const r of rows) if (r.reports > 0) reported[hourOfDay(r.hour)]!++;
  for (const r of over) overAt[hourOfDay(r.hour)]!++;
  const unusual = over.filter((r) => 2 * overAt[hourOfDay(r.hour)]! <= reported[hourOfDay(r.hour)]!);
  const left = new Set(unusual.map((r) => r.hour));
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  const rate = (r: Row | undefined) => (r && r.reports > 0 ? r.arrivalsSum / r.reports : Number.NaN);
  for (const r of unusual) {
    let after: Row = r;
    for (let back = 1; back <= CLIMB_HOURS; back++) {
      const before = byHour.get(r.hour - back);
      if (!before || left.has(before.hour) || !(rate(before) < rate(after))) break;
      left.add(before.hour);
      after = before;
    }
  }
  return left;
}
