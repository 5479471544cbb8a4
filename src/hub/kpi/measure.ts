// Every KPI's figures are made the same way: a function that measures a
// span [from, to) is asked for the period, the period before it and each
// bucket of the trend; this turns its answers into a KpiMeasure.
import type { KpiDirection, KpiMeasure } from '../../core/model.js';
import { bucketsOf, iso, type KpiPeriod } from './period.js';

/** A figure over a span, and how many things it was computed from; null without any. */
export interface Figure {
  value: number | null;
  samples: number;
}

export type MeasureSpan = (fromMs: number, toMs: number) => Figure;

export interface MeasureSpec {
  id: string;
  label: string;
  scope?: string | null;
  unit: KpiMeasure['unit'];
  target: number | null;
  better: KpiDirection;
}

export function metTarget(value: number | null, target: number | null, better: KpiDirection): boolean | null {
  if (value === null || target === null) return null;
  return better === 'higher' ? value >= target : value <= target;
}

/** `trend: false` for breakdown rows (per site, per severity): no series, to keep the document small. */
export function measureOver(period: KpiPeriod, spec: MeasureSpec, span: MeasureSpan, trend = true): KpiMeasure {
  const now = span(period.sinceMs, period.untilMs);
  const before = span(period.previousSinceMs, period.sinceMs);
  return {
    id: spec.id,
    label: spec.label,
    scope: spec.scope ?? null,
    unit: spec.unit,
    value: now.value,
    target: spec.target,
    better: spec.better,
    met: metTarget(now.value, spec.target, spec.better),
    previous: before.value,
    series: trend ? bucketsOf(period).map((b) => ({ at: iso(b.from), value: span(b.from, b.to).value })) : [],
    samples: now.samples,
  };
}

/** The share of `items` that pass, or null without items. */
export function share<T>(items: readonly T[], pass: (item: T) => boolean): Figure {
  return { value: items.length ? items.filter(pass).length / items.length : null, samples: items.length };
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** The mean of `values`, or null without any. */
export function mean(values: readonly number[]): Figure {
  return { value: values.length ? sum(values) / values.length : null, samples: values.length };
}

/** The items whose time (ms) falls in [from, to)? Sorted once here, each span is then two binary searches: a busy week is measured over 50 spans. */
export function byTime<T>(items: readonly T[], timeOf: (item: T) => number): (from: number, to: number) => T[] {
  const sorted = items.map((item) => ({ item, t: timeOf(item) })).sort((a, b) => a.t - b.t);
  const firstAt = (ms: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.t < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (from, to) => sorted.slice(firstAt(from), firstAt(to)).map((s) => s.item);
}

/** `items` grouped by `keyOf`, groups in key order: the breakdown rows (per site, per severity). */
export function groupsOf<T>(items: readonly T[], keyOf: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
