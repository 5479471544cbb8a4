// The forecast's terminal chart and its piped lines, from a fixed forecast.
import { describe, expect, it } from 'vitest';
import type { SiteForecast } from '../../src/core/model.js';
import { bar, renderSiteForecast, sparkline } from '../../src/render/forecast.js';
import type { RenderContext } from '../../src/render/view.js';
import { forecastOf } from './forecast-fixture.js';

const forecast: SiteForecast = forecastOf('JED', [
  { at: '2026-12-06T10:00:00.000Z', arrivalsPerHour: 1200.4, lower: 900, upper: 1500, peaks: [], predictedWaitMinutes: null, countersAdvised: null },
  { at: '2026-12-06T11:00:00.000Z', arrivalsPerHour: 2400, lower: 2000, upper: 3000, peaks: ['Hajj arrivals 1447'], predictedWaitMinutes: null, countersAdvised: null },
  { at: '2026-12-06T12:00:00.000Z', arrivalsPerHour: 0, lower: 0, upper: 40, peaks: [], predictedWaitMinutes: null, countersAdvised: null },
]);
const view = (tty: boolean): RenderContext => ({ tty, color: false, width: 100, lang: 'en', now: new Date('2026-12-01T10:00:00Z') });

describe('forecast renderer', () => {
  it('draws bars to scale with the interval and the peaks on a terminal', () => {
    expect(renderSiteForecast(forecast, view(true)).split('\n')).toEqual([
      'JED arrivals per hour, next 3 h from 2026-12-06 10:00 UTC (site clock)',
      'double-seasonal on 1343 h of history · 90% interval · peaks from forecast/peaks.yaml',
      '▅█▁',
      '',
      // 100 columns leave 38 for the bars, scaled to the largest upper bound (3,000).
      '2026-12-06 10:00  1,200  900–1,500    ███████████████▎                      ',
      '2026-12-06 11:00  2,400  2,000–3,000  ██████████████████████████████▍         Hajj arrivals 1447',
      `2026-12-06 12:00      0  0–40         ${' '.repeat(38)}`,
    ]);
    expect(bar(2400, 3000, 40)).toBe('█'.repeat(32));
    expect(bar(1200.4, 3000, 40)).toBe('████████████████');
    expect(bar(1, 8, 1)).toBe('▏');
  });

  it('piped: a header and one tab-separated line an hour, nothing drawn', () => {
    expect(renderSiteForecast(forecast, view(false))).toBe(
      [
        'at\tarrivalsPerHour\tlower\tupper\tpeaks',
        '2026-12-06T10:00:00.000Z\t1200.4\t900\t1500\t',
        '2026-12-06T11:00:00.000Z\t2400\t2000\t3000\tHajj arrivals 1447',
        '2026-12-06T12:00:00.000Z\t0\t0\t40\t',
      ].join('\n'),
    );
  });

  it('adds the wait and counters once the queueing model fills them', () => {
    const staffed = { ...forecast, hours: forecast.hours.map((h, i) => ({ ...h, predictedWaitMinutes: 10 * i, countersAdvised: i + 2 })) };
    expect(renderSiteForecast(staffed, view(false)).split('\n')[0]).toBe('at\tarrivalsPerHour\tlower\tupper\tpredictedWaitMinutes\tcountersAdvised\tpeaks');
    expect(renderSiteForecast(staffed, view(true))).toContain('10 min · 3 counters  Hajj arrivals 1447');
  });

  it('a contact centre’s hours say the AI agent’s share, its interval and the callers left for a person, and advise agents', () => {
    const line = { ...forecast, siteId: 'CC-992', hours: forecast.hours.slice(0, 2).map((h, i) => ({ ...h, predictedWaitMinutes: 1.1, countersAdvised: i + 1, aiShare: 0.5, aiShareLower: 0.42, aiShareUpper: 0.555, personArrivalsPerHour: h.arrivalsPerHour / 2 })) };
    const tty = renderSiteForecast(line, view(true)).split('\n');
    expect(tty[2]).toBe('AI agent: its forecast share of inquiries; waits and agents advised are for the callers left for a person');
    expect(tty[5]).toContain('AI 50% (42%–56%) · 600 to people  1 min · 1 agent');
    expect(tty[6]).toContain('AI 50% (42%–56%) · 1,200 to people  1 min · 2 agents  Hajj arrivals 1447');
    expect(renderSiteForecast(line, view(false)).split('\n').slice(0, 2)).toEqual([
      'at\tarrivalsPerHour\tlower\tupper\tpredictedWaitMinutes\tcountersAdvised\taiShare\taiShareLower\taiShareUpper\tpersonArrivalsPerHour\tpeaks',
      '2026-12-06T10:00:00.000Z\t1200.4\t900\t1500\t1.1\t1\t0.5\t0.42\t0.555\t600.2\t',
    ]);
  });

  it('says so when there is no history', () => {
    expect(renderSiteForecast({ ...forecast, from: null, method: 'none', historyHours: 0, hours: [] }, view(true))).toBe(
      "JED: no flow history yet — the forecast needs the site's telemetry",
    );
  });

  it('sparkline scales to the largest value', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([0, 0])).toBe('▁▁');
  });
});
