// From each site's predicted hours to the early warnings: which sites breach
// their wait target in the window, when and how badly, and what would prevent
// it — the counters to open (the staffing advice over the window) and, when
// the site has too few officers for them, officers from the nearest sites with
// slack (on duty above their own advised need). Pure: predictions in, the
// warnings out, so the route, the incident job and the tests share one rule.
import { distanceKm } from '../../core/geo-distance.js';
import type { OfficerDonor, BreachWarning } from '../../core/model.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { SitePrediction } from './site-prediction.js';

/** The most sites a warning names to lend officers. */
export const MAX_DONORS = 3;

/** Officers a site can spare over the window: on duty above the most counters it is itself advised to open. */
export function officerSlack(p: SitePrediction): number {
  const need = Math.max(0, ...p.hours.map((h) => h.countersAdvised));
  return Math.max(0, p.officersOnDuty - need);
}

function breachOf(p: SitePrediction): Omit<BreachWarning, 'officersFrom'> | undefined {
  const over = p.hours.filter((h) => h.breach);
  const first = over[0];
  if (!first) return undefined;
  // The worst hour: one with no steady wait (the queue grows all hour) beats any number.
  const worst = over.reduce((a, b) => ((b.waitMinutes ?? Infinity) > (a.waitMinutes ?? Infinity) ? b : a));
  const countersAdvised = Math.max(...p.hours.map((h) => h.countersAdvised));
  return {
    siteId: p.site.id,
    kind: p.site.kind,
    region: p.site.region,
    asOf: p.asOf,
    breachAt: first.at,
    breachHours: over.length,
    worstWaitMinutes: worst.waitMinutes,
    worstAt: worst.at,
    waitTargetMinutes: WAIT_TARGET_MINUTES,
    countersOpen: first.countersOpen,
    countersAdvised,
    advisedWithinTarget: p.hours.every((h) => h.advisedWithinTarget),
    countersToOpen: Math.max(0, countersAdvised - first.countersOpen),
    officersOnDuty: p.officersOnDuty,
    officersShort: Math.max(0, countersAdvised - p.officersOnDuty),
  };
}

/** Nearest first, each lending what it can spare until the shortfall is covered (at most MAX_DONORS sites). */
function donorsFor(p: SitePrediction, short: number, lenders: readonly SitePrediction[], slack: Map<string, number>): OfficerDonor[] {
  if (short === 0) return [];
  const near = lenders
    .filter((l) => l.site.id !== p.site.id && (slack.get(l.site.id) ?? 0) > 0)
    .map((l) => ({ l, km: distanceKm(p.site, l.site) }))
    .sort((a, b) => a.km - b.km || a.l.site.id.localeCompare(b.l.site.id));
  const donors: OfficerDonor[] = [];
  for (const { l, km } of near) {
    if (short <= 0 || donors.length === MAX_DONORS) break;
    const officers = Math.min(short, slack.get(l.site.id)!);
    slack.set(l.site.id, slack.get(l.site.id)! - officers);
    short -= officers;
    donors.push({ siteId: l.site.id, distanceKm: Math.round(km), officers });
  }
  return donors;
}

/**
 * Every site predicted to breach, soonest first. Sites predicted to breach
 * lend nobody; an officer is promised to one warning only (the soonest takes
 * first), so the advice never moves the same officer twice.
 */
export function predictedBreaches(predictions: readonly SitePrediction[]): BreachWarning[] {
  const found = predictions.flatMap((p) => {
    const b = breachOf(p);
    return b ? [{ p, b }] : [];
  });
  const breaching = new Set(found.map((f) => f.p.site.id));
  const lenders = predictions.filter((p) => !breaching.has(p.site.id));
  const slack = new Map(lenders.map((l) => [l.site.id, officerSlack(l)]));
  return found
    .sort((x, y) => x.b.breachAt.localeCompare(y.b.breachAt) || x.b.siteId.localeCompare(y.b.siteId))
    .map(({ p, b }) => ({ ...b, officersFrom: donorsFor(p, b.officersShort, lenders, slack) }));
}
