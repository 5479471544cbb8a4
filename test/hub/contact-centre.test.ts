// The 992 contact centre as a site of the hub: its report's contactCentre
// block (how inquiries ended) is kept in the latest report for status, with
// the AI agent's share worked out, and by the hour in the flow history, where
// inquiries are its arrivals; the block is refused for any other kind of site.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/core/client.js';
import type { SiteTelemetry } from '../../src/core/model.js';
import { sqliteOperations } from '../../src/hub/store/sqlite/operations.js';
import type { StoreReader } from '../../src/hub/store/store.js';
import { CONTACT_CENTRE_TARGETS, contactCentreFigures, meetsContactTarget } from '../../src/hub/telemetry/contact-centre-figures.js';
import { readFlowHours, type FlowHour } from '../../src/hub/telemetry/flow-history.js';
import { startFixtureHub, tinyFleet, type FixtureHub } from './hub-fixture.js';

let hub: FixtureHub;
let siteFeed: CoreClient;
let viewer: CoreClient;

const fleet = tinyFleet();
fleet.sites.push({ ...fleet.sites[0]!, id: 'CC-992', name: { en: '992 Contact Centre', ar: 'مركز الاتصال 992' }, kind: 'contact-centre', staff: 72 });
fleet.assets.push({ id: 'CC-992/integration-01', siteId: 'CC-992', kind: 'integration', name: 'AI voice agent', health: 'ok', managementUrl: null });

const call = (at: string, figures: SiteTelemetry['contactCentre'], extra: Partial<SiteTelemetry> = {}): SiteTelemetry => ({
  siteId: 'CC-992',
  at,
  arrivalsPerHour: 120,
  queueLength: 3,
  waitMinutes: 0.5,
  egatesInService: 0,
  countersOpen: 8,
  ...(figures ? { contactCentre: figures } : {}),
  ...extra,
});

beforeAll(async () => {
  hub = await startFixtureHub({ fleet, now: () => new Date('2026-11-29T02:00:00.000Z') });
  siteFeed = await hub.clientAs('intake', 'site-feed');
  viewer = await hub.clientAs('viewer', 'watcher');
});

afterAll(async () => {
  await hub?.stop();
});

describe('the contact centre', () => {
  it('shows its latest figures in status with the AI agent’s share of inquiries answered without a person', async () => {
    const before = (await viewer.fleetStatus()).sites.find((s) => s.id === 'CC-992')!;
    expect(before.kind).toBe('contact-centre');
    expect(before.contactCentre).toBeUndefined();
    await siteFeed.ingestTelemetry([call('2026-12-06T10:05:00.000Z', { answeredByAiPerHour: 60, answeredByPeoplePerHour: 45, abandonedPerHour: 15 })]);
    const status = (await viewer.fleetStatus()).sites.find((s) => s.id === 'CC-992')!;
    expect(status).toMatchObject({ arrivalsPerHour: 120, queueLength: 3, counters: { open: 8 } });
    expect(status.contactCentre).toEqual({ answeredByAiPerHour: 60, answeredByPeoplePerHour: 45, abandonedPerHour: 15, aiShare: 0.5, abandonedShare: 0.125 });
    // The site sheet carries the same status.
    expect((await viewer.getSite('cc-992')).status.contactCentre?.aiShare).toBe(0.5);
    // Ports have no such block.
    expect((await viewer.fleetStatus()).sites.find((s) => s.id === 'RUH')!.contactCentre).toBeUndefined();
  });

  it('says nothing of shares while no inquiry has ended', async () => {
    await siteFeed.ingestTelemetry([call('2026-12-06T10:06:00.000Z', { answeredByAiPerHour: 0, answeredByPeoplePerHour: 0, abandonedPerHour: 0 }, { arrivalsPerHour: 0 })]);
    const status = (await viewer.fleetStatus()).sites.find((s) => s.id === 'CC-992')!;
    expect(status.contactCentre).toMatchObject({ aiShare: null, abandonedShare: null });
  });

  it('keeps the hour’s inquiries as its arrivals and how they ended as the mean rates', async () => {
    await siteFeed.ingestTelemetry([call('2026-12-06T11:10:00.000Z', { answeredByAiPerHour: 50, answeredByPeoplePerHour: 40, abandonedPerHour: 10 }, { arrivalsPerHour: 100 })]);
    await siteFeed.ingestTelemetry([
      call('2026-12-06T11:40:00.000Z', { answeredByAiPerHour: 70, answeredByPeoplePerHour: 30, abandonedPerHour: 30 }, { arrivalsPerHour: 140 }),
      { ...call('2026-12-06T11:40:00.000Z', undefined), siteId: 'RUH' },
    ]);
    const db = new Database(hub.dataFile, { readonly: true });
    try {
      const ops = sqliteOperations(db);
      const store = { listFlowHours: async (q: Parameters<StoreReader['listFlowHours']>[0]) => ops.listFlowHours(q) } as unknown as StoreReader;
      const [hour] = await readFlowHours(store, { siteId: 'CC-992', from: new Date('2026-12-06T11:00:00Z'), to: new Date('2026-12-06T12:00:00Z') });
      expect(hour).toMatchObject({ reports: 2, arrivalsPerHour: 120, queueMean: 3, contactCentre: { answeredByAiPerHour: 60, answeredByPeoplePerHour: 35, abandonedPerHour: 20 } });
      // A port's hours have no contact-centre figures.
      const [port] = await readFlowHours(store, { siteId: 'RUH', from: new Date('2026-12-06T11:00:00Z'), to: new Date('2026-12-06T12:00:00Z') });
      expect(port).toMatchObject({ reports: 1, contactCentre: null });
    } finally {
      db.close();
    }
  });

  it('refuses contact-centre figures for a port, storing nothing of the batch', async () => {
    const port: SiteTelemetry = { ...call('2026-12-06T12:00:00.000Z', { answeredByAiPerHour: 1, answeredByPeoplePerHour: 1, abandonedPerHour: 0 }), siteId: 'RUH' };
    await expect(siteFeed.ingestTelemetry([call('2026-12-06T12:00:00.000Z', undefined, { arrivalsPerHour: 999 }), port])).rejects.toMatchObject({
      code: 'usage',
      message: 'contactCentre figures for a site that is not a contact centre: RUH',
    });
    expect((await viewer.fleetStatus()).sites.find((s) => s.id === 'CC-992')!.arrivalsPerHour).toBe(140);
  });

  it('refuses a contactCentre block with a field it does not know or a negative rate (the schema is strict)', async () => {
    const extra = { ...call('2026-12-06T12:00:00.000Z', { answeredByAiPerHour: 1, answeredByPeoplePerHour: 1, abandonedPerHour: 0 }) };
    (extra.contactCentre as Record<string, unknown>).transferred = 3;
    await expect(siteFeed.ingestTelemetry([extra])).rejects.toMatchObject({ code: 'usage' });
    await expect(siteFeed.ingestTelemetry([call('2026-12-06T12:00:00.000Z', { answeredByAiPerHour: -1, answeredByPeoplePerHour: 1, abandonedPerHour: 0 })])).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('the contact centre’s figures over a period', () => {
  const hour = (h: number, arrivals: number, queue: number, cc: FlowHour['contactCentre']): FlowHour => ({
    siteId: 'CC-992', hourStart: new Date(Date.UTC(2026, 11, 6, h)).toISOString(), hour: 0, reports: 60, arrivalsPerHour: arrivals, processed: null,
    waitMeanMinutes: 0, queueMean: queue, waitMedianMinutes: 0, waitP90Minutes: 0, waitMaxMinutes: 0, waitCounts: [], countersOpen: 0, egatesInService: 0,
    officersOnDuty: null, contactCentre: cc,
  });

  it('sums inquiries, averages the queue and takes shares over all that ended, against the targets', () => {
    // By hand: 100 + 60 + 20 = 180 inquiries over 3 hours, 60 an hour; queue (2 + 8 + 2) / 3 = 4;
    // ended: AI 50 + 20 + 0 = 70, people 40 + 30 + 20 = 90, abandoned 10 + 10 + 0 = 20: AI 70/180, abandoned 20/180.
    const figures = contactCentreFigures([
      hour(10, 100, 2, { answeredByAiPerHour: 50, answeredByPeoplePerHour: 40, abandonedPerHour: 10 }),
      hour(11, 60, 8, { answeredByAiPerHour: 20, answeredByPeoplePerHour: 30, abandonedPerHour: 10 }),
      hour(12, 20, 2, { answeredByAiPerHour: 0, answeredByPeoplePerHour: 20, abandonedPerHour: 0 }),
    ]);
    expect(figures).toMatchObject({ hours: 3, inquiries: 180, inquiriesPerHour: 60, callersWaiting: 4 });
    expect(figures.aiShare).toBeCloseTo(70 / 180);
    expect(figures.abandonedShare).toBeCloseTo(20 / 180);
    expect(figures.series.map((s) => s.aiShare)).toEqual([0.5, 1 / 3, 0]);
    expect(meetsContactTarget('aiShare', figures.aiShare)).toBe(false);
    expect(meetsContactTarget('abandonedShare', figures.abandonedShare)).toBe(false);
    expect(meetsContactTarget('callersWaiting', figures.callersWaiting)).toBe(true);
    expect(CONTACT_CENTRE_TARGETS.aiShare.atLeast).toBe(0.5);
  });

  it('has no figures to judge without hours', () => {
    const none = contactCentreFigures([]);
    expect(none).toMatchObject({ hours: 0, inquiries: 0, inquiriesPerHour: null, callersWaiting: null, aiShare: null, abandonedShare: null, series: [] });
    expect(meetsContactTarget('aiShare', none.aiShare)).toBeNull();
  });
});

describe('kpi contact-centre', () => {
  it('serves the AI agent’s share, abandonment, callers waiting and inquiries an hour against their targets', async () => {
    // The hours ingested above: 10:00 (two reports: 60/45/15 then none ended) and 11:00 (50/40/10 and 70/30/30 merged).
    const report = await viewer.kpiReport('contact-centre', { since: '2026-12-06T10:00:00.000Z', until: '2026-12-06T12:00:00.000Z' });
    expect(report.headline).toBe('aiAnswered');
    const byId = new Map(report.measures.map((m) => [m.id, m]));
    // Means of the reports per hour: 10:00 → AI 30, people 22.5, abandoned 7.5; 11:00 → 60, 35, 20. Over both: 90 / 175.
    expect(byId.get('aiAnswered')).toMatchObject({ target: 0.5, better: 'higher', met: true, samples: 2 }); // 90/175 ≈ 0.51
    expect(byId.get('aiAnswered')!.value).toBeCloseTo(90 / 175);
    expect(byId.get('abandoned')!.value).toBeCloseTo(27.5 / 175);
    expect(byId.get('abandoned')).toMatchObject({ target: 0.05, better: 'lower', met: false });
    expect(byId.get('callersWaiting')).toMatchObject({ value: 3, target: 5, met: true });
    expect(byId.get('inquiriesPerHour')!.value).toBeCloseTo((60 + 120) / 2);
    expect(byId.get('aiAnswered')!.series.length).toBeGreaterThan(0);
  });
});
