// Every KPI against small histories computed by hand, on a fixed period:
// 2026-06-01 00:00 to 24:00 UTC, the day before as the period before, hourly buckets.
import { describe, expect, it } from 'vitest';
import type { KpiMeasure } from '../../src/core/model.js';
import { ackSlaOutcome } from '../../src/core/sla.js';
import { continuityKpi } from '../../src/hub/kpi/continuity-kpi.js';
import { incidentsKpi } from '../../src/hub/kpi/incidents-kpi.js';
import { metTarget } from '../../src/hub/kpi/measure.js';
import { kpiPeriod } from '../../src/hub/kpi/period.js';
import { remoteKpiMeasures } from '../../src/hub/kpi/remote-kpi.js';
import { satisfactionKpi } from '../../src/hub/kpi/satisfaction-kpi.js';
import { flowKpi } from '../../src/hub/kpi/flow-kpi.js';
import { staffKpi } from '../../src/hub/kpi/staff-kpi.js';
import { NO_STAFFING_ADVICE, queueingAdvice } from '../../src/hub/kpi/staffing-advice.js';
import { HOUR_MS, emptyFlowHour, mergeReport, summariseFlowHour, type FlowHour } from '../../src/hub/telemetry/flow-history.js';
import type { AssetHealthChange, CountedAsset, IncidentTimes, RemoteOutcome, StoredSurveyAnswer } from '../../src/hub/store/store.js';

const period = kpiPeriod('2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z');
const at = (hhmm: string, day = '2026-06-01') => `${day}T${hhmm}:00.000Z`;
const find = (measures: KpiMeasure[], id: string, scope: string | null = null) => measures.find((m) => m.id === id && m.scope === scope)!;

describe('the period', () => {
  it('has the same length just before it and 24 equal buckets', () => {
    expect(new Date(period.previousSinceMs).toISOString()).toBe('2026-05-31T00:00:00.000Z');
    expect(period.bucketMs).toBe(3_600_000);
    expect(metTarget(0.95, 0.95, 'higher')).toBe(true);
    expect(metTarget(301, 300, 'lower')).toBe(false);
    expect(metTarget(null, 0.95, 'higher')).toBeNull();
  });
});

describe('incidents', () => {
  const inc = (id: string, severity: IncidentTimes['severity'], createdAt: string, acknowledgedAt: string | null, resolvedAt: string | null): IncidentTimes => ({
    id, severity, siteId: 'RUH', createdAt, acknowledgedAt, resolvedAt,
  });
  const incidents = [
    inc('E', 'sev2', at('10:00', '2026-05-31'), at('10:30', '2026-05-31'), null), // the day before: acked late (15m target)
    inc('A', 'sev1', at('01:00'), at('01:03'), at('01:30')), // met (5m), 180 s, resolved in 1800 s
    inc('B', 'sev1', at('02:00'), at('02:10'), at('03:00')), // missed, 600 s, 3600 s
    inc('C', 'sev3', at('05:00'), null, at('05:20')), // resolved within its 60m ack target unacknowledged: met; no MTTA; 1200 s
    inc('F', 'sev4', at('06:00'), null, null), // never answered, its 4h deadline passed: missed
    inc('D', 'sev3', at('23:30'), null, null), // deadline after the period's end: pending, not counted
  ];
  const measures = incidentsKpi(incidents, period);

  it('the share acknowledged within the SLA leaves pending ones out and compares with the day before', () => {
    const share = find(measures, 'ackWithinSla');
    expect(share).toMatchObject({ value: 0.5, samples: 4, target: 0.95, met: false, previous: 0, better: 'higher', unit: 'ratio' });
    expect(share.series).toHaveLength(24);
    expect(share.series.slice(0, 3)).toEqual([
      { at: at('00:00'), value: null },
      { at: at('01:00'), value: 1 },
      { at: at('02:00'), value: 0 },
    ]);
  });

  it('MTTA and MTTR, overall and by severity against the SLA targets', () => {
    expect(find(measures, 'mtta')).toMatchObject({ value: 390, samples: 2, previous: 1800 });
    expect(find(measures, 'mttr')).toMatchObject({ value: 2200, samples: 3, previous: null });
    expect(find(measures, 'mtta', 'sev1')).toMatchObject({ value: 390, target: 300, met: false, series: [] });
    expect(find(measures, 'mttr', 'sev1')).toMatchObject({ value: 2700, target: 3600, met: true });
    expect(find(measures, 'ackWithinSla', 'sev3')).toMatchObject({ value: 1, samples: 1 });
    expect(find(measures, 'mtta', 'sev4')).toMatchObject({ value: null, met: null });
  });

  it('the SLA outcome is the watch UI’s target: 5 minutes for a sev1', () => {
    const asOf = Date.parse(at('12:00'));
    expect(ackSlaOutcome('sev1', at('01:00'), at('01:05'), asOf)).toBe('met');
    expect(ackSlaOutcome('sev1', at('01:00'), '2026-06-01T01:05:01.000Z', asOf)).toBe('missed');
    expect(ackSlaOutcome('sev1', at('11:58'), null, asOf)).toBe('pending');
  });
});

describe('continuity', () => {
  const asset = (assetId: string, siteId: string | null, kind: CountedAsset['kind']): CountedAsset => ({ assetId, siteId, kind, countedHealth: 'ok' });
  const change = (assetId: string, siteId: string | null, when: string, from: 'ok' | 'down', to: 'ok' | 'down', drill = false): AssetHealthChange => ({
    assetId, siteId, kind: 'server', at: when,
    health: to, previousHealth: from,
    // A drill's fault changes the health shown, never the health counted.
    countedHealth: drill ? 'ok' : to, previousCountedHealth: drill ? 'ok' : from,
  });
  const assets = [asset('RUH/server-01', 'RUH', 'server'), asset('JED/network-link-01', 'JED', 'network-link'), asset('platform/visa', null, 'integration')];
  const changes = [
    change('JED/network-link-01', 'JED', at('18:00', '2026-05-31'), 'ok', 'down'),
    change('JED/network-link-01', 'JED', at('06:00'), 'down', 'ok'),
    change('RUH/server-01', 'RUH', at('06:00'), 'ok', 'down'),
    change('platform/visa', null, at('08:00'), 'ok', 'down', true),
    change('platform/visa', null, at('09:00'), 'down', 'ok', true),
    change('RUH/server-01', 'RUH', at('12:00'), 'down', 'ok'),
  ];
  const measures = continuityKpi(assets, changes, period);

  it('is time-weighted over the assets: 12 of 72 asset-hours down; the day before 6', () => {
    const all = find(measures, 'availability');
    expect(all.value).toBeCloseTo(60 / 72, 10);
    expect(all.previous).toBeCloseTo(66 / 72, 10);
    expect(all).toMatchObject({ target: 0.95, met: false, samples: 3 });
    expect(all.series[0]!.value).toBeCloseTo(2 / 3, 10); // JED down
    expect(all.series[6]!.value).toBeCloseTo(2 / 3, 10); // RUH down, JED back
    expect(all.series[8]!.value).toBeCloseTo(2 / 3, 10); // RUH still down; the drill's hour on the platform costs nothing (else 1/3)
    expect(all.series[12]!.value).toBe(1);
  });

  it('per site, and the national platforms apart', () => {
    expect(find(measures, 'availability', 'RUH').value).toBeCloseTo(0.75, 10);
    expect(find(measures, 'availability', 'JED').value).toBeCloseTo(0.75, 10);
    expect(find(measures, 'availability', 'platforms')).toMatchObject({ value: 1, met: true, series: [] });
  });

  it('an asset with no change in the window keeps its current health throughout', () => {
    const down = continuityKpi([{ ...assets[0]!, countedHealth: 'down' }], [], period);
    expect(find(down, 'availability')).toMatchObject({ value: 0, previous: 0 });
  });
});

describe('satisfaction', () => {
  const answer = (siteId: string, score: number, when: string): StoredSurveyAnswer => ({ siteId, score, channel: 'kiosk', at: when, receivedAt: when });
  const measures = satisfactionKpi(
    [answer('RUH', 5, at('12:00', '2026-05-31')), answer('RUH', 5, at('01:00')), answer('RUH', 4, at('02:00')), answer('RUH', 3, at('03:00')), answer('JED', 2, at('04:00'))],
    period,
  );

  it('counts 4 and 5 as satisfied, against 92%', () => {
    expect(find(measures, 'satisfied')).toMatchObject({ value: 0.5, samples: 4, previous: 1, target: 0.92, met: false });
    expect(find(measures, 'satisfied', 'RUH').value).toBeCloseTo(2 / 3, 10);
    expect(find(measures, 'satisfied', 'JED')).toMatchObject({ value: 0, samples: 1 });
  });
});

describe('remote', () => {
  const outcome = (incidentId: string, createdAt: string, verdict: 'fixed' | 'dispatched'): RemoteOutcome => ({
    incidentId, siteId: 'RUH', createdAt, resolvedAt: null,
    verdicts: [{ verdict, at: createdAt.replace(':00:00', ':10:00') }],
    dispatchedAt: verdict === 'dispatched' ? createdAt : null,
  });
  const measures = remoteKpiMeasures([outcome('X', at('01:00'), 'fixed'), outcome('Y', at('02:00'), 'dispatched'), outcome('Z', at('03:00', '2026-05-31'), 'fixed')], period);

  it('is the share fixed or mitigated remotely, with its median time to fix', () => {
    expect(find(measures, 'remoteResolutionRate')).toMatchObject({ value: 0.5, samples: 2, previous: 1, target: 0.95 });
    expect(find(measures, 'medianSecondsToFix')).toMatchObject({ value: 600, samples: 1 });
  });
});

describe('flow and staff, from the hourly flow history', () => {
  /** A site-hour made the way the intake makes it, from reports of these waits. */
  function hour(siteId: string, start: string, waits: number[], processedPerHour: number, officersOnDuty: number): FlowHour {
    const hourNumber = Date.parse(start) / HOUR_MS;
    const empty = emptyFlowHour(siteId, hourNumber);
    const record = waits.reduce(
      (r, waitMinutes) => mergeReport(r, { siteId, at: start, arrivalsPerHour: 100, queueLength: 1, waitMinutes, egatesInService: 4, countersOpen: 2, processedPerHour, officersOnDuty }),
      empty,
    );
    return summariseFlowHour(record);
  }
  const hours = [
    hour('RUH', at('10:00', '2026-05-31'), [10], 90, 8),
    hour('JED', at('01:00'), [50], 50, 5),
    hour('RUH', at('01:00'), [10, 20, 40], 100, 10),
    hour('RUH', at('02:00'), [5, 5], 200, 20),
  ];

  it('flow: passengers, the wait within 30 minutes, median and p90 over every report', () => {
    const measures = flowKpi(hours, period);
    expect(find(measures, 'waitWithinTarget')).toMatchObject({ samples: 6, target: 0.9, met: false, previous: 1 });
    expect(find(measures, 'waitWithinTarget').value).toBeCloseTo(4 / 6, 10);
    expect(find(measures, 'passengers')).toMatchObject({ value: 350, previous: 90 });
    // 6 reports: 2 at ≤5, 1 in (8,10], 1 in (15,20], 1 in (30,40], 1 in (40,50]; the median is read in (8,10], p90 in (40,50].
    expect(find(measures, 'waitMedian').value).toBeCloseTo(10, 10);
    expect(find(measures, 'waitP90').value).toBeCloseTo(44, 10);
    expect(find(measures, 'egatesInService').value).toBe(4);
    expect(find(measures, 'waitWithinTarget', 'JED')).toMatchObject({ value: 0, samples: 1 });
    expect(find(measures, 'passengers').series[1]).toEqual({ at: at('01:00'), value: 150 });
  });

  it('staff: passengers per officer-hour, institutional and per site; officers against the advice', () => {
    const measures = staffKpi(hours, period, NO_STAFFING_ADVICE);
    expect(find(measures, 'passengersPerOfficerHour')).toMatchObject({ value: 10, previous: 90 / 8 });
    expect(find(measures, 'passengersPerOfficerHour', 'RUH').value).toBe(10);
    expect(find(measures, 'officersOnDuty')).toMatchObject({ target: null, met: null });
    expect(find(measures, 'officersOnDuty').value).toBeCloseTo(35 / 3, 10);
    const advised = staffKpi(hours, period, () => 15);
    expect(find(advised, 'officersOnDuty')).toMatchObject({ target: 15, met: false });
  });

  it('the queueing model’s advice: at a land border 900 cars an hour at 90 a lane is 10 erlangs; 11 lanes wait under 40 s', () => {
    // Erlang C: with c = 11 > λ/μ = 10 the mean wait is C(c, a)/(cμ − λ) ≤ 1/90 h, well within 30 minutes; 10 lanes cannot keep up.
    const border = hour('LND-BATHA', at('09:00'), [3], 880, 15);
    const lanes = { ...border, arrivalsPerHour: 900, egatesInService: 0, countersOpen: 12 };
    const advise = queueingAdvice(new Map([['LND-BATHA', 'land']]));
    expect(advise(lanes, 30)).toBe(11);
    expect(advise({ ...lanes, siteId: 'GONE' }, 30)).toBeNull();
    const measures = staffKpi([lanes], period, advise);
    expect(find(measures, 'officersOnDuty')).toMatchObject({ value: 15, target: 11, met: true });
  });
});
