// The continuity KPI: the share of time critical systems (critical-assets.ts)
// were available, time-weighted from the assets' health history, per site
// and over the scope, against 95%. Down is unavailable; degraded still
// serves. The health counted is the one real incidents give: a drill's
// injected fault never costs availability.
import type { Health, KpiMeasure } from '../../core/model.js';
import { KPI_TARGETS } from '../../core/kpi-targets.js';
import type { AssetHealthChange, CountedAsset } from '../store/store.js';
import { groupsOf, measureOver, type Figure, type MeasureSpan } from './measure.js';
import type { KpiPeriod } from './period.js';

export const CONTINUITY_HEADLINE = 'availability';
/** The scope label of the national platforms' row (assets with no site). */
export const PLATFORMS_SCOPE = 'platforms';

interface Timeline {
  siteId: string | null;
  /** The counted health from `at` on, oldest first; the first entry starts before any span asked for. */
  states: { at: number; health: Health }[];
}

function timelines(assets: readonly CountedAsset[], changes: readonly AssetHealthChange[]): Timeline[] {
  const byAsset = new Map(groupsOf(changes, (c) => c.assetId.toUpperCase()));
  return assets.map((a) => {
    const own = byAsset.get(a.assetId.toUpperCase()) ?? [];
    const initial = own[0]?.previousCountedHealth ?? a.countedHealth;
    return {
      siteId: a.siteId,
      states: [{ at: -Infinity, health: initial }, ...own.map((c) => ({ at: Date.parse(c.at), health: c.countedHealth }))],
    };
  });
}

function downMs(t: Timeline, from: number, to: number): number {
  let down = 0;
  t.states.forEach((s, i) => {
    const start = Math.max(from, s.at);
    const end = Math.min(to, t.states[i + 1]?.at ?? Infinity);
    if (s.health === 'down' && end > start) down += end - start;
  });
  return down;
}

function availability(list: readonly Timeline[]): MeasureSpan {
  return (from, to): Figure => {
    if (list.length === 0 || to <= from) return { value: null, samples: list.length };
    const down = list.reduce((sum, t) => sum + downMs(t, from, to), 0);
    return { value: 1 - down / (list.length * (to - from)), samples: list.length };
  };
}

/**
 * `assets`: the critical assets in scope with their latest counted health;
 * `changes`: their health changes from the previous period's start on.
 */
export function continuityKpi(assets: readonly CountedAsset[], changes: readonly AssetHealthChange[], period: KpiPeriod): KpiMeasure[] {
  const all = timelines(assets, changes);
  const spec = { unit: 'ratio' as const, target: KPI_TARGETS.availability, better: 'higher' as const };
  return [
    measureOver(period, { id: 'availability', label: 'critical systems available', ...spec }, availability(all)),
    ...groupsOf(all, (t) => t.siteId ?? PLATFORMS_SCOPE).map(([scope, list]) => measureOver(period, { id: 'availability', label: `available at ${scope}`, scope, ...spec }, availability(list), false)),
  ];
}
