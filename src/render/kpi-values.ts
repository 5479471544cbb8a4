// KPI figures as people read them: shares as percentages, times in the
// largest unit that keeps them short, targets with the side that meets them,
// trends scaled from the lower of their lowest value and their target (a
// share moving between 90% and 100% would draw flat from zero, and 99.9%
// against 100% would look like a collapse scaled between its own extremes).
import type { KpiMeasure } from '../core/model.js';
import { sparkline } from './sparkline.js';

export function formatSeconds(s: number | null): string {
  if (s === null) return '-';
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function formatKpiValue(value: number | null, unit: KpiMeasure['unit']): string {
  if (value === null) return '-';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return formatSeconds(value);
    case 'minutes':
      return `${value.toFixed(1)} min`;
    case 'passengersPerOfficerHour':
      return value.toFixed(1);
    default:
      return String(Math.round(value));
  }
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
