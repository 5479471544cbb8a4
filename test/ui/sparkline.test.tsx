// The wait sparkline: bars scaled to the window's highest wait, gaps for
// silent minutes, figures beside them, and a line that fits its width.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { WatchScreen } from '../../src/ui/app.js';
import { SelectedSiteLine } from '../../src/ui/selected-site.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { sparkline } from '../../src/render/sparkline.js';
import { WaitSparkline, trendFigures } from '../../src/ui/sparkline.js';
import type { WaitTrend } from '../../src/ui/wait-history.js';
import { DetailPane } from '../../src/ui/detail-pane.js';
import { FLEET, INCIDENTS, RUH_DETAIL } from '../commands/fixtures.js';
import { renderAtWidth } from './frames.js';

// An hour: silent for the first ten minutes, then rising from 3 to 12 with one silent minute.
const HOUR: WaitTrend = {
  minutes: 60,
  values: Array.from({ length: 60 }, (_, i) => (i < 10 || i === 40 ? null : 3 + Math.round(((i - 10) / 49) * 9))),
};

describe('sparkline', () => {
  it('scales to the highest value, draws zero as the lowest bar and a missing minute as a gap', () => {
    expect(sparkline([0, 5, 10, null, 2.5])).toBe('▁▅█ ▃');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([7])).toBe('█');
  });

  it('gives the lowest, highest and latest reported figures', () => {
    expect(trendFigures([null, 4, 9, 2, null])).toEqual({ min: 2, max: 9, now: 2 });
    expect(trendFigures([null, null])).toBeUndefined();
  });
});

describe('WaitSparkline', () => {
  it('shows the hour with its figures on a wide line', async () => {
    // ink-testing-library's terminal is 100 columns: a wider one for the whole hour.
    const screen = await renderAtWidth(<WaitSparkline trend={HOUR} width={120} />, 120);
    const frame = screen.lastFrame();
    screen.unmount();
    expect(frame).toContain('wait, last 60 min');
    expect(frame).toContain(sparkline(HOUR.values));
    expect(frame).toContain('min 3 · max 12 · now 12 min');
    expect(frame.split('\n')).toHaveLength(1);
  });

  it('keeps the latest minutes that fit a narrow line, and says how many', () => {
    const frame = render(<WaitSparkline trend={HOUR} width={70} />).lastFrame()!;
    const shown = Number(/last (\d+) min/.exec(frame)?.[1]);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(60);
    expect(frame).toContain(sparkline(HOUR.values.slice(-shown)));
    expect(frame).toContain('now 12 min');
    expect(frame.length).toBeLessThanOrEqual(70);
  });

  it('speaks Arabic with --lang ar', () => {
    const frame = render(<WaitSparkline trend={HOUR} width={100} lang="ar" />).lastFrame()!;
    expect(frame).toMatch(/^الانتظار، آخر \d+ دقيقة/);
    expect(frame).toContain('أدنى');
    expect(frame).toContain('الآن 12 دقيقة');
    expect(frame).not.toMatch(/wait|min|max|now/);
  });

  it('says so when the window has no report', () => {
    const frame = render(<WaitSparkline trend={{ minutes: 60, values: Array(60).fill(null) }} width={80} />).lastFrame();
    expect(frame).toBe('no wait reported in the last 60 min');
  });
});

describe('SelectedSiteLine with a trend', () => {
  const ruh = FLEET.sites.find((s) => s.id === 'RUH');

  it('adds the sparkline as a second line', () => {
    const frame = render(<SelectedSiteLine site={ruh} width={100} trend={HOUR} />).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('RUH King Khalid International Airport');
    expect(lines[1]).toMatch(/^wait, last \d+ min .*now 12 min$/);
  });

  it('stays one line without one', () => {
    expect(render(<SelectedSiteLine site={ruh} width={100} />).lastFrame()!.split('\n')).toHaveLength(1);
  });
});

describe('WatchScreen with the selected site\'s trend', () => {
  it('draws the sparkline under the selection line and still fits 80×24 with 103 sites', () => {
    const kinds = ['air', 'land', 'sea', 'service-centre'] as const;
    const sites = Array.from({ length: 103 }, (_, i) => ({ ...FLEET.sites[0]!, id: `S${String(i).padStart(3, '0')}`, kind: kinds[i % 4]! }));
    const state = reduce(initialState(), { type: 'snapshot', fleet: { ...FLEET, sites }, incidents: INCIDENTS });
    const frame = render(<WatchScreen state={state} width={80} height={24} now={new Date('2025-03-01T06:14:00Z')} trend={HOUR} />).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    const at = lines.findIndex((l) => /^(ok|degraded|down) +S000 /.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^wait, last \d+ min .*now 12 min$/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
  });
});

describe('DetailPane of a site with its trend', () => {
  it('draws the sparkline under the asset counts and keeps within its rows', () => {
    const detail = { kind: 'site' as const, id: 'RUH', data: RUH_DETAIL };
    const rows = 12;
    const frame = render(<DetailPane detail={detail} width={100} rows={rows} now={new Date('2025-03-01T06:30:00Z')} trend={HOUR} />).lastFrame()!;
    const lines = frame.split('\n');
    expect(lines[1]).toMatch(/assets/);
    expect(lines[2]).toMatch(/^wait, last \d+ min .*now 12 min$/);
    expect(lines.length).toBeLessThanOrEqual(rows);
    const without = render(<DetailPane detail={detail} width={100} rows={rows} now={new Date('2025-03-01T06:30:00Z')} />).lastFrame()!;
    expect(without).not.toContain('wait, last');
  });
});
