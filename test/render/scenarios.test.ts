// The scenario table, exactly: on a terminal with its legend; piped, a line per hour per run.
import { describe, expect, it } from 'vitest';
import type { ScenarioHour, SiteScenarios } from '../../src/core/model.js';
import { renderScenarios } from '../../src/render/scenarios.js';

const h = (at: string, wait: number | null, advised: number, extra: Partial<ScenarioHour> = {}): ScenarioHour => ({
  at, arrivalsPerHour: 1000, countersOpen: 16, egatesInService: 4, maxCounters: 16, stable: wait !== null, waitMinutes: wait,
  breach: wait === null || wait > 30, countersAdvised: advised, advisedWithinTarget: true, ...extra,
});

const result: SiteScenarios = {
  siteId: 'RUH',
  generatedAt: '2026-11-29T10:17:00.000Z',
  waitTargetMinutes: 30,
  baselineSource: 'recent-telemetry',
  baseline: { name: 'baseline', breachHours: 0, worstWaitMinutes: 6.4, maxCountersAdvised: 15, hours: [h('2026-11-29T10:00:00.000Z', 6.4, 15), h('2026-11-29T11:00:00.000Z', 2.25, 14)] },
  scenarios: [
    { name: 'arrivals=+30%', breachHours: 1, worstWaitMinutes: 41.6, maxCountersAdvised: 16, hours: [h('2026-11-29T10:00:00.000Z', 41.6, 16, { arrivalsPerHour: 1300 }), h('2026-11-29T11:00:00.000Z', 12, 16, { arrivalsPerHour: 1300 })] },
    { name: 'staff=-10', breachHours: 2, worstWaitMinutes: null, maxCountersAdvised: 6, hours: [h('2026-11-29T10:00:00.000Z', null, 6, { advisedWithinTarget: false }), h('2026-11-29T11:00:00.000Z', null, 6, { advisedWithinTarget: false })] },
  ],
};

const view = { tty: true, color: false, width: 120, lang: 'en' as const, now: new Date('2026-11-29T10:17:00.000Z') };

describe('renderScenarios', () => {
  it('sets the runs side by side on a terminal, marking breaches and advice that is not enough', () => {
    expect(renderScenarios(result, view)).toBe(
      [
        'RUH: the next 2 h from 2026-11-29 10:00 UTC; target: mean wait ≤ 30 min; baseline: recent telemetry, held flat',
        '  BASE baseline       0 of 2 h over target, worst 6.4 min, up to 15 counters advised',
        '  A    arrivals=+30%  1 of 2 h over target, worst 42 min, up to 16 counters advised',
        '  B    staff=-10      2 of 2 h over target, the queue grows, up to 6 counters advised',
        '',
        'HOUR   ARRIVALS  BASE WAIT  BASE ADVISE    A WAIT  A ADVISE   B WAIT  B ADVISE',
        '10:00      1000  6.4 min             15  42 min !        16  grows !        6+',
        '11:00      1000  2.3 min             14  12 min          16  grows !        6+',
        '! over target   grows: the queue grows all hour   N+: all N counters open and still over target',
      ].join('\n'),
    );
  });

  it('piped, prints one plain line per hour per run', () => {
    expect(renderScenarios(result, { ...view, tty: false }).split('\n')).toEqual([
      '2026-11-29T10:00:00.000Z\tbaseline\t1000\t16\t4\t6.4\tok\t15',
      '2026-11-29T11:00:00.000Z\tbaseline\t1000\t16\t4\t2.25\tok\t14',
      '2026-11-29T10:00:00.000Z\tarrivals=+30%\t1300\t16\t4\t41.6\tbreach\t16',
      '2026-11-29T11:00:00.000Z\tarrivals=+30%\t1300\t16\t4\t12\tok\t16',
      '2026-11-29T10:00:00.000Z\tstaff=-10\t1000\t16\t4\tgrows\tbreach\t6',
      '2026-11-29T11:00:00.000Z\tstaff=-10\t1000\t16\t4\tgrows\tbreach\t6',
    ]);
  });
});
