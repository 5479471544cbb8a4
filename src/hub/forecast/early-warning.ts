// The hub's early warning: every so often the forecast is evaluated for every
// site, and each site predicted to breach its wait target gets one `predicted`
// incident (sev3 unless told otherwise) — opened, updated when the prediction
// changes materially, resolved when the forecast no longer sees the breach.
// Through the same incident writes as everything else (timeline, audit,
// outbox events, playbook proposals), so chat cards and the watch UI see it
// before the queue forms. A site under a silence or maintenance window gets
// none, checked the way the alert intake checks (and recorded as it records).
// Between evaluations the job scans each site's newest reports for a queue
// growing past the target (queue-growth.ts) and evaluates at once when a site
// not yet warned of shows one: that evidence lasts minutes before the breach,
// not the half hour of site time an evaluation a real second apart spans at
// the demo's speed.
import type { Incident, BreachWarning, Severity } from '../../core/model.js';
import { BREACH_HOURS, WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import { SYSTEM } from '../caller.js';
import { decideResolve } from '../incidents/decisions.js';
import { draftIncident } from '../incidents/draft.js';
import type { IncidentDeps } from '../incidents/incident-actions.js';
import { storeIncidentChange, storeNewIncident } from '../incidents/incident-writes.js';
import { currentSilences, silencedAlert } from '../silences/silenced-intake.js';
import type { StoreReader, StoreWriter } from '../store/store.js';
import { transact, type Emit } from '../transact.js';
import { predictedBreaches } from './breach-advice.js';
import { hubPeakCalendar } from './peak-calendar-file.js';
import { decideWarning, predictedFingerprint, predictionLabels, predictionText } from './predicted-incident.js';
import { predictFleet } from './site-prediction.js';
import { grownWaitMinutes, queueGrowth, QUEUE_GROWTH_AHEAD_HOURS } from './queue-growth.js';

export interface EarlyWarningOptions {
  /** How often the forecast is evaluated (real ms). */
  everyMs: number;
  /** How often the newest reports are scanned for a queue outgrowing its site (real ms); by default a tenth of everyMs, within GROWTH_SCAN_MS. */
  scanMs?: number;
  /** The window, hours ahead on each site's clock. */
  hours?: number;
  severity?: Severity;
  /**
   * A breach is warned of once predicted for this long on the site's clock. 0 by default: the arrivals a site
   * reports are already a half-hour counter rate and the nowcast shrinks small counts (site-prediction.ts), so a
   * further half hour of confirmation only cost the lead — in bench/early-warning.mjs it warned none of the
   * warnable surges an hour ahead where 0 warned a third.
   */
  confirmMinutes?: number;
  /**
   * A warning is resolved once no breach has been predicted for this long on the site's clock (no open-close flapping).
   * 120 was tried: on seven kept weeks a few warnings of surges an hour ahead had been resolved 3–43 minutes before
   * their breach, and kept an hour longer (replayed by bench/early-warning-clear-study.mjs) they were hits with no
   * warning with no breach added; but over three full weeks (bench/early-warning.mjs) it warned 9–13 of 26 warnable
   * episodes where 60 warned 10–14 of 27–29, and the warned site-hours no breach followed rose from 10–12 % to 22–23 %.
   */
  clearMinutes?: number;
}

export const EARLY_WARNING_DEFAULTS = {
  everyMs: 60_000,
  hours: BREACH_HOURS.default,
  severity: 'sev3',
  confirmMinutes: 0,
  clearMinutes: 60,
} as const satisfies Required<Omit<EarlyWarningOptions, 'scanMs'>>;

/**
 * Since when (the site's clock, ms) each site has been predicted to breach
 * with no incident yet, or has had an open incident and no breach predicted.
 * Kept by the job between evaluations; a restart starts them afresh.
 */
export interface WarningMemory {
  predictedSince: Map<string, number>;
  clearSince: Map<string, number>;
}

export const freshMemory = (): WarningMemory => ({ predictedSince: new Map(), clearSince: new Map() });

/** The breach the decision should act on: none until it has held for confirmMinutes; an open one kept until clear for clearMinutes. */
export function settled(memory: WarningMemory, key: string, asOfMs: number, hasOpen: boolean, breach: BreachWarning | undefined, confirmMs: number, clearMs: number): 'act' | 'wait' {
  const since = (map: Map<string, number>) => (map.has(key) ? map.get(key)! : (map.set(key, asOfMs), asOfMs));
  if (breach) {
    memory.clearSince.delete(key);
    if (hasOpen) return 'act';
    return asOfMs - since(memory.predictedSince) >= confirmMs ? 'act' : 'wait';
  }
  memory.predictedSince.delete(key);
  if (!hasOpen) return 'act';
  return asOfMs - since(memory.clearSince) >= clearMs ? 'act' : 'wait';
}

export interface WarningTally {
  opened: string[];
  updated: string[];
  resolved: string[];
  /** Sites predicted to breach that a silence or maintenance window holds. */
  silenced: string[];
}

export type EarlyWarningDeps = IncidentDeps & { log?: (line: string) => void; peakCalendarFile?: string | undefined };

const title = (b: BreachWarning) => `Predicted wait over ${b.waitTargetMinutes} min at ${b.siteId}`;

/**
 * One evaluation of the whole fleet; each site that changes is its own transaction. With `only`, the fleet is still
 * predicted (the advice lends officers from any site) but only those sites' warnings move: an evaluation a scan
 * prompted for them must not sample the other sites' predictions more often than the timed ones do.
 */
export async function evaluateEarlyWarnings(
  deps: EarlyWarningDeps,
  options: Omit<EarlyWarningOptions, 'everyMs'> = {},
  memory: WarningMemory = freshMemory(),
  only?: ReadonlySet<string>,
): Promise<WarningTally> {
  const hours = options.hours ?? EARLY_WARNING_DEFAULTS.hours;
  const confirmMs = (options.confirmMinutes ?? EARLY_WARNING_DEFAULTS.confirmMinutes) * 60_000;
  const clearMs = (options.clearMinutes ?? EARLY_WARNING_DEFAULTS.clearMinutes) * 60_000;
  const severity = options.severity ?? EARLY_WARNING_DEFAULTS.severity;
  const calendar = hubPeakCalendar(deps);
  // A prompted evaluation reads its own sites first: when none of them is predicted to breach (a scan prompts again
  // on each newer report while a queue grows, and most such evaluations open nothing) nothing needs the fleet, whose
  // prediction costs a hundred times as much; a breach among them needs it for the advice.
  const own = only ? await predictFleet(deps.store, hours, calendar, only) : undefined;
  const predictions = own && predictedBreaches(own).length === 0 ? own : await predictFleet(deps.store, hours, calendar);
  const breaches = new Map(predictedBreaches(predictions).map((b) => [b.siteId.toUpperCase(), b]));
  const tally: WarningTally = { opened: [], updated: [], resolved: [], silenced: [] };
  for (const p of predictions) {
    if (only && !only.has(p.site.id)) continue;
    const fingerprint = predictedFingerprint(p.site.id);
    const breach = breaches.get(p.site.id.toUpperCase());
    // Most sites most of the time: nothing predicted and nothing open — no transaction at all.
    const open = await deps.store.findOpenIncidentByFingerprint(fingerprint);
    if (settled(memory, fingerprint, Date.parse(p.asOf), open !== undefined, breach, confirmMs, clearMs) === 'wait') continue;
    if (!open && !breach) continue;
    await transact(deps, (tx, emit) => applyStep(deps, tx, emit, fingerprint, breach, severity, tally));
  }
  return tally;
}

async function applyStep(
  deps: EarlyWarningDeps,
  tx: StoreWriter,
  emit: Emit,
  fingerprint: string,
  breach: BreachWarning | undefined,
  severity: Severity,
  tally: WarningTally,
): Promise<void> {
  const at = deps.now().toISOString();
  // Read again inside the transaction: another hub (or the last tick) may have moved it.
  const open: Incident | undefined = await tx.findOpenIncidentByFingerprint(fingerprint);
  const step = decideWarning(open, breach);
  switch (step.kind) {
    case 'none':
      return;
    case 'open': {
      const b = step.breach;
      // `since`: where the warning first stood on the site's clock (kept through updates: the lead time is measured from it).
      const labels = { ...predictionLabels(b), since: b.asOf };
      const candidate = { status: 'firing' as const, fingerprint, title: title(b), severity, siteId: b.siteId, assetId: null, labels };
      if (await silencedAlert(tx, await currentSilences(deps.store, tx, at), candidate, undefined, at)) {
        tally.silenced.push(b.siteId);
        return;
      }
      const draft = draftIncident({ title: title(b), severity, siteId: b.siteId, assetId: null, source: 'predicted', fingerprint, labels, at });
      const incident = await storeNewIncident(
        tx,
        emit,
        SYSTEM,
        draft,
        { kind: 'triggered', text: predictionText(b), as: SYSTEM },
        { action: 'incident.create', detail: { source: 'predicted', severity, breachAt: b.breachAt, worstWaitMinutes: b.worstWaitMinutes } },
        deps.playbooks,
      );
      tally.opened.push(incident.siteId!);
      return;
    }
    case 'update': {
      const b = step.breach;
      await storeIncidentChange(tx, emit, SYSTEM, step.incident, {
        incident: { ...step.incident, labels: { ...predictionLabels(b), since: step.incident.labels.since ?? b.asOf } },
        timeline: { kind: 'alert-updated', text: `${step.why}: ${predictionText(b)}`, as: SYSTEM },
        audit: { action: 'incident.predicted-update', detail: { breachAt: b.breachAt, worstWaitMinutes: b.worstWaitMinutes, countersAdvised: b.countersAdvised } },
      }, at);
      tally.updated.push(b.siteId);
      return;
    }
    case 'resolve': {
      const summary = `the forecast no longer predicts a wait over target (as of the site's latest report)`;
      await storeIncidentChange(tx, emit, SYSTEM, step.incident, decideResolve(step.incident, SYSTEM, { way: 'forecast-cleared', summary }, at), at);
      tally.resolved.push(step.incident.siteId!);
      return;
    }
  }
}

export interface EarlyWarnings {
  /** No more evaluations; resolves once the one in flight (if any) has finished, so the store can close. */
  stop(): Promise<void>;
}

/** How often (real ms) the job scans the newest reports between evaluations: a tenth of their interval, within these bounds. */
export const GROWTH_SCAN_MS = { min: 100, max: 5_000 } as const;

/**
 * The sites whose newest report (since `seen` last held it) shows their queue
 * growing past the target within the growth's carry, with no warning open:
 * what the last evaluation could not have seen. `seen` is updated.
 */
export async function sitesOutgrowingTheirQueue(store: StoreReader, seen: Map<string, number>): Promise<string[]> {
  const found: string[] = [];
  for (const site of await store.listSites()) {
    const recent = await store.listRecentReports(site.id);
    const newest = recent.at(-1)?.atMs;
    if (newest === undefined || seen.get(site.id) === newest) continue;
    seen.set(site.id, newest);
    const growth = queueGrowth(recent, site.kind);
    if (!growth || grownWaitMinutes(growth, QUEUE_GROWTH_AHEAD_HOURS) <= WAIT_TARGET_MINUTES) continue;
    if (!(await store.findOpenIncidentByFingerprint(predictedFingerprint(site.id)))) found.push(site.id);
  }
  return found;
}

/**
 * Evaluates now and then every `everyMs`, and at once when a scan of the newest
 * reports finds a queue outgrowing its site; one evaluation at a time (a slow
 * one is not stacked on). A site is prompted again on each newer report while
 * its queue keeps growing with no warning open, never twice on one report
 * (`seen`): the evaluation a report prompted may open nothing (the report
 * after the scan's broke the growth, or the breach has yet to hold its
 * confirmMinutes), and the growth the next report shows is the evidence the
 * scan exists for — waiting for the next timed evaluation lost it for half an
 * hour of site time at the demo's speed. The fresh sites of one scan share one
 * evaluation.
 */
export function startEarlyWarnings(deps: EarlyWarningDeps, options: EarlyWarningOptions): EarlyWarnings {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const memory = freshMemory();
  const seen = new Map<string, number>();
  const evaluate = async (only?: ReadonlySet<string>) => {
    try {
      const t = await evaluateEarlyWarnings(deps, options, memory, only);
      if (t.opened.length + t.updated.length + t.resolved.length > 0) {
        deps.log?.(`early warning: opened ${t.opened.join(', ') || 'none'}; updated ${t.updated.join(', ') || 'none'}; resolved ${t.resolved.join(', ') || 'none'}`);
      }
    } catch (e) {
      deps.log?.(`early warning failed: ${String(e)}`);
    } finally {
      inFlight = undefined;
      // A timed evaluation that fell due during a prompted one runs now, not a period late.
      if (timedDue) run();
    }
  };
  let timedDue = false;
  let inFlightPrompted = false;
  const run = (only?: ReadonlySet<string>) => {
    if (stopped) return;
    if (inFlight) {
      // A slow timed evaluation is not stacked on; one a prompted evaluation held up is.
      if (!only && inFlightPrompted) timedDue = true;
      return;
    }
    if (!only) timedDue = false;
    inFlightPrompted = only !== undefined;
    inFlight = evaluate(only);
  };
  let scanning = false;
  const scan = async () => {
    if (stopped || scanning || inFlight) return;
    scanning = true;
    try {
      // Fresh reports only (`seen`); should a timed evaluation have started meanwhile, it reads them itself.
      const fresh = await sitesOutgrowingTheirQueue(deps.store, seen);
      if (fresh.length > 0) run(new Set(fresh));
    } catch (e) {
      deps.log?.(`early warning scan failed: ${String(e)}`);
    } finally {
      scanning = false;
    }
  };
  run();
  const timer = setInterval(() => run(), options.everyMs);
  const scanner = setInterval(() => void scan(), options.scanMs ?? Math.min(GROWTH_SCAN_MS.max, Math.max(GROWTH_SCAN_MS.min, options.everyMs / 10)));
  timer.unref();
  scanner.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(scanner);
      await inFlight;
    },
  };
}
