// KPI figures and trends as people read them.
import { describe, expect, it } from 'vitest';
import { formatKpiValue, formatMeasureValue, formatTarget, kpiTrend } from '../../src/render/kpi-values.js';

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

describe('a measure beside its verdict', () => {
  const share = (value: number, met: boolean, better: 'higher' | 'lower' = 'higher', target = 0.5) => ({ value, target, unit: 'ratio' as const, better, met });

  it('never reads as meeting a target it missed: as many more decimals as it takes', () => {
    // The 992 line's AI share in the demo, a hair under its target: "50.0% ≥ 50.0% missed" read as a bug.
    expect(formatMeasureValue(share(0.49994284277189704, false))).toBe('49.99%');
    expect(formatMeasureValue(share(0.4996, false))).toBe('49.96%');
    expect(formatMeasureValue({ value: 61, target: 60, unit: 'seconds', better: 'lower', met: false })).toBe('1.02 min');
    expect(formatMeasureValue(share(0.0501, false, 'lower', 0.05))).toBe('5.01%');
    expect(formatMeasureValue({ value: 5.3, target: 5, unit: 'count', better: 'lower', met: false })).toBe('5.3');
    expect(formatMeasureValue({ value: 0.3332, target: 0.3333, unit: 'ratio', better: 'higher', met: false })).toBe('33.32%');
  });

  it('past two more decimals, says which side of the target it is on', () => {
    expect(formatMeasureValue(share(0.4999999, false))).toBe('< 50.0%');
    expect(formatMeasureValue(share(0.0500001, false, 'lower', 0.05))).toBe('> 5.0%');
  });

  it('as usual when met, without a target, or far from it', () => {
    expect(formatMeasureValue(share(0.5, true))).toBe('50.0%');
    expect(formatMeasureValue(share(0.42, false))).toBe('42.0%');
    expect(formatMeasureValue({ value: 0.42, target: null, unit: 'ratio', better: 'higher', met: null })).toBe('42.0%');
    expect(formatMeasureValue({ value: null, target: 0.5, unit: 'ratio', better: 'higher', met: null })).toBe('-');
    // Figures in different units are not read as the same: "1.0 min" against "≤ 59 s".
    expect(formatMeasureValue({ value: 60.4, target: 59, unit: 'seconds', better: 'lower', met: false })).toBe('1.0 min');
  });
});
