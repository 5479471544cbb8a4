// KPI figures as people read them: shares as percentages, times in the
// largest unit that keeps them short, targets with the side that meets them, a
// figure that missed its target never rounded onto it (formatMeasureValue),
// trends scaled from the lower of their lowest value and their target (a
// share moving between 90% and 100% would draw flat from zero, and 99.9%
// against 100% would look like a collapse scaled between its own extremes).
import type { KpiMeasure } from '../core/model.js';
import { sparkline } from './sparkline.js';

export const formatSeconds = (s: number | null): string => secondsWith(s, 0);

export const formatKpiValue = (value: number | null, unit: KpiMeasure['unit']): string => valueWith(value, unit, 0);

// The two above with `extra` decimals beyond the usual ones (formatMeasureValue asks for them). Apart, so that
// `.map(formatSeconds)` cannot pass an index for them.
function secondsWith(s: number | null, extra: number): string {
  if (s === null) return '-';
  if (s < 10) return `${s.toFixed(1 + extra)} s`;
  if (s < 60) return `${s.toFixed(extra)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1 + extra)} min`;
  return `${(s / 3600).toFixed(1 + extra)} h`;
}

function valueWith(value: number | null, unit: KpiMeasure['unit'], extra: number): string {
  if (value === null) return '-';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1 + extra)}%`;
    case 'seconds':
      return secondsWith(value, extra);
    case 'minutes':
      return `${value.toFixed(1 + extra)} min`;
    case 'passengersPerOfficerHour':
      return value.toFixed(1 + extra);
    default:
      return value.toFixed(extra);
  }
}

// Beyond this a figure that still rounds onto its target is shown as just short of it ("< 50.0%").
const MAX_EXTRA_DECIMALS = 2;

/** Whether `shown` would read as meeting `target` (both as formatKpiValue wrote them, in the same unit). */
function readsAsMet(shown: string, target: string, better: KpiMeasure['better']): boolean {
  const unitOf = (text: string) => text.replace(/[-\d.]/g, '');
  if (unitOf(shown) !== unitOf(target)) return false; // 59 s against 1.0 min: they cannot be mistaken for each other
  return better === 'higher' ? Number.parseFloat(shown) >= Number.parseFloat(target) : Number.parseFloat(shown) <= Number.parseFloat(target);
}

/**
 * A measure's value as formatKpiValue shows it, unless that would read as
 * meeting a target the measure missed: 49.994% against ≥ 50% is "49.99%", not
 * "50.0%" beside "missed" (a duty officer reads the figure, not the verdict's
 * reason). Past two more decimals, "< 50.0%" (or "> 5.0%" where lower is better).
 */
export function formatMeasureValue(m: Pick<KpiMeasure, 'value' | 'target' | 'unit' | 'better' | 'met'>): string {
  if (m.value === null || m.target === null || m.met !== false) return formatKpiValue(m.value, m.unit);
  for (let extra = 0; extra <= MAX_EXTRA_DECIMALS; extra++) {
    const shown = valueWith(m.value, m.unit, extra);
    if (!readsAsMet(shown, valueWith(m.target, m.unit, extra), m.better)) return shown;
  }
  return `${m.better === 'higher' ? '<' : '>'} ${formatKpiValue(m.target, m.unit)}`;
}

export function formatTarget(m: Pick<KpiMeasure, 'target' | 'unit' | 'better'>): string {
  if (m.target === null) return '-';
  return `${m.better === 'higher' ? '≥' : '≤'} ${formatKpiValue(m.target, m.unit)}`;
}


/** '' without a series (a breakdown row), '-' when no bucket had data. */
export function kpiTrend(m: Pick<KpiMeasure, 'series' | 'target'>, ascii = false): string {
  const values = m.series.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null);
  if (values.length === 0) return '';
  if (known.length === 0) return '-';
  return sparkline(values, { ascii, floor: Math.min(...known, m.target ?? Infinity) });
}
