// Scenario maths: the baseline hours ahead under stated changes (more
// arrivals, gates out, fewer officers), each hour's predicted wait, whether it
// breaches the target and the counters that would keep it within. Pure: the
// baseline comes in (scenario-baseline.ts finds it), the runs go out. The hub's
// scenarios run the hours as one carried queue (scenario-service.ts); runScenario
// is the steady state, hour by hour, that the carried queue builds on.
import type { ScenarioHour, ScenarioRun } from '../../core/model.js';
import type { ScenarioChange, ScenarioChanges } from '../../core/scenario-changes.js';
import { personShare } from './contact-ai-share.js';
import { stationWait, type StationParams } from './queueing-station.js';
import { adviseCounters } from './staffing.js';

/** One hour ahead as the baseline expects it: the seam a forecaster fills. */
export interface BaselineHour {
  at: string; // the hour's start, ISO-8601 UTC
  arrivalsPerHour: number;
  countersOpen: number;
  egatesInService: number;
  /** Counters the site could open (working desks): the cap on the advice. */
  maxCounters: number;
  /** A contact centre's: the share of its inquiries the AI agent answers, already taken out of arrivalsPerHour (contact-ai-share.ts). */
  aiShare?: number;
}

export interface ScenarioModel {
  params: StationParams;
  waitTargetMinutes: number;
}

/**
 * The hour under the changes. Arrivals scale or shift (never below 0); e-gates
 * in service likewise, to whole gates; `staff` moves the counters open and the
 * site's cap together (ten officers fewer means ten desks fewer that can open).
 * A contact centre's AI share puts back the inquiries its usual share took
 * out and takes out the stated share instead (its arrivals are those left for
 * a person; without a share the baseline sent every inquiry to a person).
 */
export function applyChanges(hour: BaselineHour, changes: ScenarioChanges): BaselineHour {
  const maxCounters = changed(hour.maxCounters, changes.staff, Math.round);
  const aiShare = changes.aiShare?.share ?? hour.aiShare;
  const toPeople = changes.aiShare ? hour.arrivalsPerHour * (personShare(changes.aiShare.share) / personShare(hour.aiShare ?? 0)) : hour.arrivalsPerHour;
  return {
    at: hour.at,
    arrivalsPerHour: changed(toPeople, changes.arrivals, (x) => x),
    ...(aiShare === undefined ? {} : { aiShare }),
    egatesInService: changed(hour.egatesInService, changes.egates, Math.round),
    countersOpen: Math.min(maxCounters, changed(hour.countersOpen, changes.staff, Math.round)),
    maxCounters,
  };
}

export function predictHour(hour: BaselineHour, model: ScenarioModel): ScenarioHour {
  const wait = stationWait(hour, model.params);
  const advice = adviseCounters({ ...hour, waitTargetMinutes: model.waitTargetMinutes }, model.params);
  return {
    at: hour.at,
    arrivalsPerHour: round1(hour.arrivalsPerHour),
    countersOpen: hour.countersOpen,
    egatesInService: hour.egatesInService,
    maxCounters: hour.maxCounters,
    stable: wait.stable,
    waitMinutes: wait.stable ? round1(wait.meanWaitMinutes) : null,
    breach: !(wait.meanWaitMinutes <= model.waitTargetMinutes),
    countersAdvised: advice.counters,
    advisedWithinTarget: advice.withinTarget,
  };
}

/** The baseline (no changes) or one scenario over every hour, each hour on its own (the steady state). */
export function runScenario(name: string, baseline: readonly BaselineHour[], changes: ScenarioChanges, model: ScenarioModel): ScenarioRun {
  return scenarioRun(name, baseline.map((h) => predictHour(applyChanges(h, changes), model)));
}

/** A run's predicted hours with its totals: the hours over target, the worst wait (null: a queue growing all hour), the most counters advised. */
export function scenarioRun(name: string, hours: ScenarioHour[]): ScenarioRun {
  const waits = hours.map((h) => h.waitMinutes);
  return {
    name,
    hours,
    breachHours: hours.filter((h) => h.breach).length,
    worstWaitMinutes: waits.includes(null) ? null : Math.max(0, ...(waits as number[])),
    maxCountersAdvised: Math.max(0, ...hours.map((h) => h.countersAdvised)),
  };
}

function changed(value: number, change: ScenarioChange | undefined, whole: (x: number) => number): number {
  if (!change) return value;
  const next = 'percent' in change ? whole(value * (1 + change.percent / 100)) : value + change.count;
  return Math.max(0, next);
}

/** To one decimal: how the forecast's figures are given. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
