// KPI figures and trends as people read them.
import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatTarget, kpiTrend } from '../../src/render/kpi-values.js';

const series = (values: (number | null)[]) => values.map((value, i) => ({ at: String(i), value }));

describe('kpiTrend', () => {
  it('scales from the lower of the lowest value and the target: 99.9% against a 95% target is not a collapse', () => {
    expect(kpiTrend({ series: series([1, 1, 0.999, 0.95]), target: 0.95 })).toBe('███▁');
    expect(kpiTrend({ series: series([1, 0.999]), target: null })).toBe('█▁');
    expect(kpiTrend({ series: series([0.9, null, 1]), target: 0.92 }, true)).toBe('_ #');
  });

  it('nothing to draw: empty for a breakdown row, - when no bucket had data', () => {
    expect(kpiTrend({ series: [], target: 0.95 })).toBe('');
    expect(kpiTrend({ series: series([null, null]), target: 0.95 })).toBe('-');
  });
});

describe('figures', () => {
  it('shares as percentages, times in a short unit, targets with the side that meets them', () => {
    expect(formatKpiValue(0.9234, 'ratio')).toBe('92.3%');
    expect(formatKpiValue(390, 'seconds')).toBe('6.5 min');
    expect(formatKpiValue(null, 'minutes')).toBe('-');
    expect(formatTarget({ target: 300, unit: 'seconds', better: 'lower' })).toBe('≤ 5.0 min');
    expect(formatTarget({ target: null, unit: 'ratio', better: 'higher' })).toBe('-');
  });
});
