// What the early warning does about one site: open a `predicted` incident for
// a breach the forecast sees coming, update it when the prediction changes
// materially, resolve it when the forecast no longer sees the breach. Pure:
// the open incident (if any) and the breach (if any) in, one step out. The
// prediction lives in the incident's labels (the facts playbook triggers
// read) and in its timeline.
import type { Incident, BreachWarning } from '../../core/model.js';

/** The alert name playbook triggers match (hajj-umrah-surge proposes itself on it). */
export const PREDICTED_ALERTNAME = 'PredictedWaitBreach';
/** The fingerprint an open predicted incident holds: at most one open per site, by the store's unique index. */
export const predictedFingerprint = (siteId: string): string => `predicted:${siteId.toUpperCase()}`;

/** A worst wait that moves less than this (minutes, or this share of itself) is the same prediction. */
const WAIT_CHANGE = { minutes: 5, share: 0.25 } as const;

export type WarningStep =
  | { kind: 'none' }
  | { kind: 'open'; breach: BreachWarning }
  | { kind: 'update'; incident: Incident; breach: BreachWarning; why: string }
  | { kind: 'resolve'; incident: Incident };

export function predictionLabels(b: BreachWarning): Record<string, string> {
  return {
    alertname: PREDICTED_ALERTNAME,
    site: b.siteId,
    asOf: b.asOf,
    breachAt: b.breachAt,
    breachHours: String(b.breachHours),
    worstWaitMinutes: b.worstWaitMinutes === null ? 'growing' : String(b.worstWaitMinutes),
    waitTargetMinutes: String(b.waitTargetMinutes),
    countersOpen: String(b.countersOpen),
    countersAdvised: String(b.countersAdvised),
    officersShort: String(b.officersShort),
  };
}

const hhmm = (iso: string) => iso.slice(11, 16);
const waitText = (w: number | null) => (w === null ? 'a queue that grows all hour' : `${w} min`);

/** The prediction in words, for the timeline (and a chat card's latest entry). */
export function predictionText(b: BreachWarning): string {
  const donors = b.officersFrom.map((d) => `${d.officers} from ${d.siteId} (${d.distanceKm} km)`).join(', ');
  return [
    `predicted wait over ${b.waitTargetMinutes} min from ${hhmm(b.breachAt)} UTC for ${b.breachHours} h (worst ${waitText(b.worstWaitMinutes)} at ${hhmm(b.worstAt)}), as of the site's report at ${hhmm(b.asOf)}`,
    b.countersToOpen > 0 ? `open ${b.countersToOpen} more counter${b.countersToOpen === 1 ? '' : 's'} (${b.countersAdvised} in all${b.advisedWithinTarget ? '' : ', still not enough'})` : `keep ${b.countersAdvised} counter${b.countersAdvised === 1 ? '' : 's'} open`,
    ...(b.officersShort > 0 ? [`${b.officersShort} officer${b.officersShort === 1 ? '' : 's'} short${donors ? `: move ${donors}` : ', none nearby to spare'}`] : []),
  ].join('; ');
}

/** Why the stored prediction and this one differ enough to say so, or undefined. */
export function materialChange(labels: Record<string, string>, b: BreachWarning): string | undefined {
  // A breach under way is the same breach an hour later: its first hour in the window is simply the current one.
  const continuing = labels.breachAt !== undefined && labels.breachAt <= b.breachAt && b.breachAt <= b.asOf;
  if (labels.breachAt !== b.breachAt && !continuing) return `the breach now starts at ${hhmm(b.breachAt)} (was ${hhmm(labels.breachAt ?? '')})`;
  const was = labels.worstWaitMinutes === 'growing' ? null : Number(labels.worstWaitMinutes);
  const now = b.worstWaitMinutes;
  if ((was === null) !== (now === null)) return `the worst wait is now ${waitText(now)} (was ${waitText(was)})`;
  if (was !== null && now !== null && Math.abs(now - was) >= Math.max(WAIT_CHANGE.minutes, WAIT_CHANGE.share * was)) {
    return `the worst wait is now ${waitText(now)} (was ${waitText(was)})`;
  }
  if (labels.countersAdvised !== String(b.countersAdvised)) return `${b.countersAdvised} counters advised now (was ${labels.countersAdvised})`;
  return undefined;
}

/**
 * Whether the breach has an hour still ahead of the site's latest report (a
 * report on the hour has that whole hour ahead). Its first hour can be the
 * current one (the queue stands now and is carried);
 * a breach of the current hour alone is not a warning of anything: the queue
 * the officer would be warned of has formed (status and the watch UI show the
 * wait), and the hour is over before anything advised could open. On the kept
 * weeks of bench/early-warning.mjs no such incident was ever opened an hour
 * ahead of a breach, and six in ten saw none (a service centre's morning
 * queue at its target, a ferry's queue as it landed).
 */
export const breachAhead = (b: BreachWarning): boolean => Date.parse(b.breachAt) >= Date.parse(b.asOf) || b.breachHours > 1;

export function decideWarning(open: Incident | undefined, breach: BreachWarning | undefined): WarningStep {
  if (!open) return breach && breachAhead(breach) ? { kind: 'open', breach } : { kind: 'none' };
  if (!breach) return { kind: 'resolve', incident: open };
  const why = materialChange(open.labels, breach);
  return why ? { kind: 'update', incident: open, breach, why } : { kind: 'none' };
}
