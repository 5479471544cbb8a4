// `kpi`, `kpi incidents` … through run() against a stub hub: the period and
// scope as the hub is asked for them, the summary and detail as text (piped
// and on a terminal) and as --json, and bad input refused before any request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiMeasure, KpiReport, KpiSummary } from '../../src/core/model.js';
import { startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { KPI } from './diag-fixtures.js';
import { fakeCli, NOW } from './fake-deps.js';
import { SITES } from './fixtures.js';

const since = '2025-02-28T06:30:00.000Z';
const until = NOW.toISOString();
const series = (values: (number | null)[]) => values.map((value, i) => ({ at: new Date(Date.parse(since) + i * 6 * 3_600_000).toISOString(), value }));
const measure = (over: Partial<KpiMeasure>): KpiMeasure => ({
  id: 'ackWithinSla', label: 'acknowledged within SLA', scope: null, unit: 'ratio', value: 0.5, target: 0.95, better: 'higher', met: false,
  previous: 0, series: series([null, 1, 0, 0.5]), samples: 4, ...over,
});
const report = (kpi: KpiReport['kpi'], headline: string, measures: KpiMeasure[]): KpiReport => ({
  kpi, since, until, previousSince: '2025-02-27T06:30:00.000Z', bucketSeconds: 21_600, filter: { siteId: null, region: null, kind: null }, headline, measures,
});
const INCIDENTS = report('incidents', 'ackWithinSla', [
  measure({}),
  measure({ id: 'mtta', label: 'MTTA sev1', scope: 'sev1', unit: 'seconds', value: 390, target: 300, better: 'lower', previous: 1800, series: [], samples: 2 }),
]);
const SATISFACTION = report('satisfaction', 'satisfied', [measure({ id: 'satisfied', label: 'travellers satisfied', value: 0.96, target: 0.92, met: true, previous: 0.9, series: series([0.9, 1, 1, 0.95]) })]);
const SUMMARY: KpiSummary = { since, until, filter: { siteId: null, region: 'Makkah', kind: null }, kpis: [INCIDENTS, SATISFACTION] };

let hub: StubHub;
let env: Record<string, string>;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/kpi', body: SUMMARY },
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/kpi?since=2025-02-22T06%3A30%3A00.000Z&region=Makkah', body: SUMMARY },
    { method: 'GET', path: '/v1/kpi/incidents?site=JED', body: INCIDENTS },
    { method: 'GET', path: '/v1/kpi/satisfaction?since=2025-02-27T06%3A30%3A00.000Z&until=2025-02-28T06%3A30%3A00.000Z&kind=air', body: SATISFACTION },
    { method: 'GET', path: '/v1/kpi/remote?site=RUH', body: { ...KPI, ...report('remote', 'remoteResolutionRate', [measure({ id: 'remoteResolutionRate', label: 'resolved remotely', value: 0.95, met: true, previous: 0.9 })]) } },
  ]);
  env = { WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: 'wf_test' };
});

afterAll(async () => {
  expect(hub.unexpected).toEqual([]);
  await hub.close();
});

const last = () => hub.requests.at(-1)!;

describe('kpi (the summary)', () => {
  it('alone, piped: one tab-separated row a KPI — figure, value, target, verdict, before, trend', async () => {
    const cli = fakeCli({ env });
    const r = await cli.run('kpi');
    cli.cleanup();
    expect(r.code, r.stderr).toBe(0);
    expect(last().url).toBe('/v1/kpi');
    expect(r.stdout).toBe(
      'incidents\tacknowledged within SLA\t50.0%\t≥ 95.0%\tmissed\t0.0%\t █▁▅\n' +
        'satisfaction\ttravellers satisfied\t96.0%\t≥ 92.0%\tmet\t90.0%\t▁██▄\n',
    );
  });

  it('on a terminal: the scope and period above a table with headers; --since and --region reach the hub resolved', async () => {
    const cli = fakeCli({ env, tty: true, width: 120 });
    const r = await cli.run('kpi', '--since', '7d', '--region', 'makkah');
    cli.cleanup();
    expect(r.code, r.stderr).toBe(0);
    expect(last().url).toBe('/v1/kpi?since=2025-02-22T06%3A30%3A00.000Z&region=Makkah');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`region Makkah, ${since} to ${until} (before: the same length just before)`);
    expect(lines[1]).toMatch(/^KPI\s+FIGURE\s+VALUE\s+TARGET\s+BEFORE\s+TREND$/);
    expect(lines[2]).toMatch(/^incidents\s+acknowledged within SLA\s+50\.0%\s+≥ 95\.0%\s+missed\s+0\.0%\s+ █▁▅$/);
  });

  it('--json: the documented shape, series included', async () => {
    const cli = fakeCli({ env });
    const r = await cli.run('kpi', 'summary', '--json');
    cli.cleanup();
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(['since', 'until', 'filter', 'kpis']);
    expect(Object.keys(body.kpis[0])).toEqual(['kpi', 'since', 'until', 'previousSince', 'bucketSeconds', 'filter', 'headline', 'measures']);
    expect(Object.keys(body.kpis[0].measures[0])).toEqual(['id', 'label', 'scope', 'unit', 'value', 'target', 'better', 'met', 'previous', 'samples', 'series']);
    expect(body.kpis[0].measures[0].series[1]).toEqual({ at: '2025-02-28T12:30:00.000Z', value: 1 });
  });
});

describe('kpi KPI (the detail)', () => {
  it('kpi incidents --site: every figure; one without a trend shows none', async () => {
    const cli = fakeCli({ env });
    const r = await cli.run('kpi', 'incidents', '--site', 'JED');
    cli.cleanup();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('acknowledged within SLA\t50.0%\t≥ 95.0%\tmissed\t0.0%\t █▁▅\nMTTA sev1\t6.5 min\t≤ 5.0 min\tmissed\t30.0 min\t\n');
  });

  it('kpi satisfaction with a period in the past and a kind', async () => {
    const cli = fakeCli({ env });
    const r = await cli.run('kpi', 'satisfaction', '--since', '2d', '--until', '1d', '--kind', 'air', '--json');
    cli.cleanup();
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).headline).toBe('satisfied');
  });

  it('kpi remote: its first lines, then the period before and the trend; --json keeps the first fields first', async () => {
    const cli = fakeCli({ env });
    const text = await cli.run('kpi', 'remote', '--site', 'RUH');
    expect(text.stdout).toContain('remote resolution\t95.0% (goal ≥ 95%)\n');
    expect(text.stdout).toContain('period before\t90.0%\ntrend\t █▁▅\n');
    const json = JSON.parse((await cli.run('kpi', 'remote', '--site', 'RUH', '--json')).stdout);
    cli.cleanup();
    expect(Object.keys(json).slice(0, 9)).toEqual(['since', 'until', 'incidents', 'fixedRemotely', 'mitigatedRemotely', 'dispatched', 'remoteResolutionRate', 'medianSecondsToFix', 'p95SecondsToVerdict']);
    expect(json).toMatchObject({ kpi: 'remote', headline: 'remoteResolutionRate' });
  });

  it('two scopes, a bad kind or a bad time: exit 2 before any request', async () => {
    const cli = fakeCli({ env });
    const before = hub.requests.length;
    for (const argv of [['kpi', '--site', 'JED', '--kind', 'air'], ['kpi', 'flow', '--kind', 'rail'], ['kpi', 'staff', '--since', 'yesterday'], ['kpi', 'incidents', 'extra']]) {
      const r = await cli.run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    cli.cleanup();
    expect(hub.requests.length).toBe(before);
  });
});
