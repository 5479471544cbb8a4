// Counts in both languages: English one/other, Arabic singular, dual and plural
// forms chosen by Intl.PluralRules, and the renderers that print counts using them.
import { describe, expect, it } from 'vitest';
import { countOf } from '../../src/render/plural.js';
import { renderVerdictSummary, renderSweepTotals } from '../../src/render/diag.js';
import { totalsLine } from '../../src/render/fleet-status.js';
import type { DiagVerdictEvent, FleetStatus } from '../../src/core/model.js';

describe('countOf', () => {
  it('English: 1 asset, 2 assets, 0 assets', () => {
    expect(countOf(1, 'asset', 'en')).toBe('1 asset');
    expect(countOf(2, 'asset', 'en')).toBe('2 assets');
    expect(countOf(0, 'asset', 'en')).toBe('0 assets');
    expect(countOf(1, 'site', 'en')).toBe('1 site');
  });

  it('Arabic: singular, dual, few (3–10), many (11–99) and other forms', () => {
    expect(countOf(1, 'asset', 'ar')).toBe('جهاز واحد');
    expect(countOf(2, 'asset', 'ar')).toBe('جهازان');
    expect(countOf(3, 'asset', 'ar')).toBe('3 أجهزة');
    expect(countOf(11, 'asset', 'ar')).toBe('11 جهازًا');
    expect(countOf(100, 'asset', 'ar')).toBe('100 جهاز');
    expect(countOf(2, 'site', 'ar')).toBe('موقعان');
    expect(countOf(103, 'site', 'ar')).toBe('103 مواقع');
    expect(countOf(0, 'site', 'ar')).toBe('0 موقع');
  });
});

const verdict = (assetId: string, v: DiagVerdictEvent['verdict']): DiagVerdictEvent =>
  ({ type: 'verdict', at: '2025-03-01T06:30:00.000Z', assetId, verdict: v, summary: '', findings: [], actions: [], incidentId: null, dispatchId: null }) as unknown as DiagVerdictEvent;

describe('renderers that print counts', () => {
  const ctx = (lang: 'en' | 'ar') => ({ tty: true, color: false, width: 100, lang, now: new Date(0) });

  it('a one-asset summary reads "1 asset", and names the assets that are not healthy', () => {
    expect(renderVerdictSummary([verdict('RUH/egate-01', 'fixed')], ctx('en'))).toBe('1 asset: 1 fixed remotely; not healthy: RUH/egate-01 (fixed)');
    expect(renderVerdictSummary([verdict('RUH/egate-01', 'healthy'), verdict('RUH/egate-02', 'healthy')], ctx('en'))).toBe('2 assets: 2 healthy');
  });

  it('sweep totals and fleet totals count in Arabic', () => {
    const summary = { assets: 2, wallMs: 1000, healthy: 2, fixed: 0, mitigated: 0, planned: 0, dispatched: 0, unreachable: 0 };
    expect(renderSweepTotals(summary as never, { color: false, lang: 'ar' })).toMatch(/^جهازان /);
    const fleet = {
      totals: { sites: 2, staff: 10, health: { ok: 2, degraded: 0, down: 0 }, openIncidents: { total: 1, sev1: 0, sev2: 0, sev3: 1, sev4: 0 } },
    } as unknown as FleetStatus;
    expect(totalsLine(fleet, ctx('ar'))).toMatch(/^موقعان: /);
    expect(totalsLine(fleet, ctx('en'))).toMatch(/^2 sites: .* 1 open incident \(/);
  });
});
