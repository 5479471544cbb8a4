// Spreads the workforce over the sites by size. A port runs around the clock
// in four shifts, so even a quiet one needs a minimum crew; busier sites need
// more, though not in proportion (a shift's fixed posts don't scale with
// traffic), hence the sub-linear weight.
import type { SiteKind } from '../core/model.js';
import { annualPassportVolume, type TrafficSite } from './traffic.js';

/** About 8,000 officers work passport control and the service centres (demo figure). */
export const TOTAL_STAFF = 8_000;

const MINIMUM_STAFF: Record<SiteKind, number> = {
  air: 16, // four shifts of four
  land: 16,
  sea: 8, // ports with few passengers: a small crew per shift
  'service-centre': 4,
  'contact-centre': 16, // four shifts of four agents
};

const SIZE_EXPONENT = 0.75;

/**
 * Staff per site id, summing exactly to `total`: every site gets its kind's
 * minimum, the rest is shared by weight (largest remainder, ties by id, so
 * the result is deterministic).
 */
export function allocateStaff(sites: readonly TrafficSite[], total = TOTAL_STAFF): Map<string, number> {
  const staff = new Map(sites.map((s) => [s.id, MINIMUM_STAFF[s.kind]]));
  const floor = [...staff.values()].reduce((a, b) => a + b, 0);
  const spare = total - floor;
  if (spare < 0) throw new Error(`${total} staff cannot cover the minimum crews (${floor})`);
  const weights = sites.map((s) => annualPassportVolume(s) ** SIZE_EXPONENT);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const shares = sites.map((s, i) => ({ id: s.id, exact: (spare * weights[i]!) / weightSum }));
  let left = spare;
  for (const share of shares) {
    const whole = Math.floor(share.exact);
    staff.set(share.id, staff.get(share.id)! + whole);
    left -= whole;
  }
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.id.localeCompare(b.id),
  );
  for (const share of byRemainder.slice(0, left)) staff.set(share.id, staff.get(share.id)! + 1);
  return staff;
}
