// The KPI routes over a real hub on a fixed clock: survey answers in
// (validated, intake tokens only, all or nothing), the KPIs out, and
// `kpi remote` keeping its first shape beside the report's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { SurveyAnswer } from '../../src/core/model.js';
import { startFixtureHub, type FixtureHub } from './hub-fixture.js';

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
let hub: FixtureHub;
let intake: CoreClient;
let officer: CoreClient;
let viewer: CoreClient;

const answer = (siteId: string, score: number, at = ago(30)): SurveyAnswer => ({ siteId, score, channel: 'kiosk', at });
// To a minute past now: an answer is counted no later than the hub received it (now, on this clock), and the period's end is open.
const TO_NOW = { until: new Date(NOW + 60_000).toISOString() };
const satisfied = async () => (await viewer.kpiReport('satisfaction', TO_NOW)).measures.find((m) => m.id === 'satisfied' && m.scope === null)!;

beforeAll(async () => {
  hub = await startFixtureHub({ now: () => new Date(NOW) });
  intake = await hub.clientAs('intake', 'survey-kiosks');
  officer = await hub.clientAs('officer');
  viewer = await hub.clientAs('viewer');
});

afterAll(() => hub.stop());

describe('POST /v1/surveys', () => {
  it('stores a batch under the inventory’s ids; the satisfaction KPI counts it (an answer from the future counts now)', async () => {
    expect(await intake.postSurveyAnswers([answer('RUH', 5), answer('ruh', 2), answer('JED', 4, new Date(NOW + 86_400_000).toISOString())])).toEqual({ accepted: 3 });
    const m = await satisfied();
    expect(m).toMatchObject({ samples: 3, target: 0.92, met: false });
    expect(m.value).toBeCloseTo(2 / 3, 10);
    const ruh = await viewer.kpiReport('satisfaction', { site: 'RUH', ...TO_NOW });
    expect(ruh.measures[0]).toMatchObject({ value: 0.5, samples: 2 });
  });

  it('refuses a bad answer, an unknown site or an empty batch whole, storing nothing', async () => {
    const bad: unknown[] = [
      [{ ...answer('RUH', 6) }],
      [{ ...answer('RUH', 4), channel: 'pigeon' }],
      [{ ...answer('RUH', 4), extra: 1 }],
      [{ ...answer('RUH', 4), at: 'yesterday' }],
      [answer('RUH', 5), answer('NOWHERE', 5)],
      [],
    ];
    for (const answers of bad) {
      await expect(intake.postSurveyAnswers(answers as SurveyAnswer[]), JSON.stringify(answers)).rejects.toMatchObject({ code: 'usage', exitCode: 2 });
    }
    expect((await satisfied()).samples).toBe(3);
  });

  it('takes only intake tokens: a person’s, even an admin’s, is refused; no token is unauthenticated', async () => {
    await expect(officer.postSurveyAnswers([answer('RUH', 5)])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(hub.admin.postSurveyAnswers([answer('RUH', 5)])).rejects.toMatchObject({ code: 'forbidden' });
    const response = await fetch(`${hub.url}/v1/surveys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: [answer('RUH', 5)] }) });
    expect(response.status).toBe(401);
    // And an intake token reads no KPI.
    await expect(intake.kpiSummary()).rejects.toMatchObject({ code: 'forbidden' });
    expect((await satisfied()).samples).toBe(3);
  });
});

describe('GET /v1/kpi', () => {
  it('every KPI over the last 24h by default, each with its headline and a trend of 24 buckets', async () => {
    const summary = await viewer.kpiSummary();
    expect(summary).toMatchObject({ since: ago(24 * 60), until: ago(0), filter: { siteId: null, region: null, kind: null } });
    expect(summary.kpis.map((k) => [k.kpi, k.headline])).toEqual([
      ['incidents', 'ackWithinSla'], ['continuity', 'availability'], ['flow', 'waitWithinTarget'],
      ['staff', 'passengersPerOfficerHour'], ['satisfaction', 'satisfied'], ['contact-centre', 'aiAnswered'], ['remote', 'remoteResolutionRate'],
    ]);
    for (const k of summary.kpis) expect(k.measures.find((m) => m.id === k.headline && m.scope === null)!.series).toHaveLength(24);
  });

  it('kpi remote keeps its first fields and gains the report’s', async () => {
    const remote = await viewer.remoteKpi({ since: ago(60) });
    expect(remote).toMatchObject({ since: ago(60), until: ago(0), incidents: 0, remoteResolutionRate: null, kpi: 'remote', headline: 'remoteResolutionRate' });
    expect(remote.measures?.[0]?.series).toHaveLength(24);
  });

  it('refuses an unknown KPI, two scopes, and a period that ends before it starts', async () => {
    await expect(viewer.kpiReport('bogus' as 'flow')).rejects.toMatchObject({ code: 'usage' });
    await expect(viewer.kpiReport('flow', { site: 'RUH', region: 'Riyadh' })).rejects.toMatchObject({ code: 'usage' });
    await expect(viewer.kpiReport('flow', { since: ago(60), until: ago(120) })).rejects.toMatchObject({ code: 'usage' });
    await expect(viewer.kpiReport('flow', { site: 'Atlantis' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
