// The 992 contact centre's forecast over a real hub fed two weeks of the
// line's hourly telemetry through the real intake: the AI voice agent's share
// comes from the line's own reports, the wait and the agents advised from the
// callers left for a person (GET /v1/sites/:id/forecast and the built CLI),
// and an AI agent outage the line reports shows in the early warning as a
// predicted breach (GET /v1/forecast/breaches) that the usual day does not.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../../src/core/client.js';
import type { ContactCentreTelemetry, SiteTelemetry } from '../../../src/core/model.js';
import { runCli } from '../../helpers/cli.js';
import { tinyFleet } from '../hub-fixture.js';
import { historyHubAround } from './history-hub.js';

const HOUR_MS = 3_600_000;
const LAST_HOUR = Date.parse('2027-01-04T00:00:00.000Z') / HOUR_MS; // the forecast starts here
const FIRST_HOUR = LAST_HOUR - 14 * 24;

const fleet = tinyFleet();
fleet.sites.push({ ...fleet.sites[0]!, id: 'CC-992', name: { en: '992 Contact Centre', ar: 'مركز الاتصال 992' }, kind: 'contact-centre', staff: 72 });
fleet.assets.push({ id: 'CC-992/integration-01', siteId: 'CC-992', kind: 'integration', name: 'AI voice agent', health: 'ok', managementUrl: null });
// 16 agent desks, of which the line staffs 8: a roster drawn up for an AI agent down would fill them all and hide the breach.
for (let n = 1; n <= 16; n++) fleet.assets.push({ id: `CC-992/counter-${String(n).padStart(2, '0')}`, siteId: 'CC-992', kind: 'counter', name: `Agent desk ${n}`, health: 'ok', managementUrl: null });

/** 120 inquiries an hour, 8 agents; the AI agent answers 60 of them (half), people 55, 5 hang up; the mean wait over all callers 0.5 min. */
const USUAL: ContactCentreTelemetry = { answeredByAiPerHour: 60, answeredByPeoplePerHour: 55, abandonedPerHour: 5 };
const call = (hour: number, minute: number, figures = USUAL, extra: Partial<SiteTelemetry> = {}): SiteTelemetry => ({
  siteId: 'CC-992',
  at: new Date(hour * HOUR_MS + minute * 60_000).toISOString(),
  arrivalsPerHour: 120,
  queueLength: 1,
  waitMinutes: 0.5,
  egatesInService: 0,
  countersOpen: 8,
  officersOnDuty: 8,
  contactCentre: figures,
  ...extra,
});

const history = historyHubAround(() => {
  const reports: SiteTelemetry[] = [];
  for (let h = FIRST_HOUR; h <= LAST_HOUR; h++) for (const minute of [10, 40]) reports.push(call(h, minute));
  return reports;
}, { fleet });
let viewer: CoreClient;
let feed: CoreClient;
beforeAll(async () => {
  viewer = history.viewer;
  feed = await history.hub.clientAs('intake', 'line-feed');
});

describe('the contact centre’s forecast', () => {
  it('splits its inquiries into the AI agent’s share and the person share, and staffs for the person share only', async () => {
    const f = await viewer.siteForecast('cc-992', { hours: 6 });
    expect(f.hours).toHaveLength(6);
    for (const h of f.hours) {
      expect(h.arrivalsPerHour).toBeCloseTo(120, 0);
      // The line's own share: 60 of 120 ended by the AI agent every hour, so the interval is the point.
      expect(h).toMatchObject({ aiShare: 0.5, aiShareLower: 0.5, aiShareUpper: 0.5 });
      expect(h.personArrivalsPerHour).toBeCloseTo(h.arrivalsPerHour / 2, 0);
      // 60 an hour for 8 agents at 10 calls an hour each: Erlang C 1.07 min (the case worked in contact-ai-share.test.ts), 7 agents enough.
      expect(h.predictedWaitMinutes).toBeCloseTo(1.07, 1);
      expect(h.countersAdvised).toBe(7);
    }
  });

  it('leaves a port’s hours without the contact centre’s fields', async () => {
    await feed.ingestTelemetry([{ siteId: 'RUH', at: new Date(LAST_HOUR * HOUR_MS).toISOString(), arrivalsPerHour: 300, queueLength: 10, waitMinutes: 4, egatesInService: 2, countersOpen: 3 }]);
    const f = await viewer.siteForecast('RUH', { hours: 1 });
    expect(Object.keys(f.hours[0] ?? {})).not.toContain('aiShare');
  });
});

describe('watchfloor forecast on the contact centre (the built CLI)', () => {
  const env = () => history.cliEnvironment();

  it('--json carries the AI agent’s share, its interval and the inquiries left for a person', async () => {
    const r = await runCli(['forecast', 'CC-992', '--hours', '2', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const hours = JSON.parse(r.stdout).forecast.hours;
    expect(Object.keys(hours[0])).toEqual(['at', 'arrivalsPerHour', 'lower', 'upper', 'peaks', 'predictedWaitMinutes', 'countersAdvised', 'aiShare', 'aiShareLower', 'aiShareUpper', 'personArrivalsPerHour']);
    expect(hours[0]).toMatchObject({ aiShare: 0.5, countersAdvised: 7 });
  });

  it('piped text adds the AI share’s columns', async () => {
    const r = await runCli(['forecast', 'CC-992', '--hours', '2'], env());
    expect(r.code, r.stderr).toBe(0);
    const [head, first] = r.stdout.trimEnd().split('\n');
    expect(head).toBe('at\tarrivalsPerHour\tlower\tupper\tpredictedWaitMinutes\tcountersAdvised\taiShare\taiShareLower\taiShareUpper\tpersonArrivalsPerHour\tpeaks');
    expect(first!.split('\t').slice(5, 9)).toEqual(['7', '0.5', '0.5', '0.5']);
  });
});

describe('scenarios at the contact centre', () => {
  it('--ai-share: the AI agent answering less sends the rest to people, beside the baseline; refused at a port', async () => {
    const r = await runCli(['scenario', 'CC-992', '--ai-share', '0%', '--scenario', 'ai-share=25%', '--hours', '3', '--json'], history.cliEnvironment());
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual(['ai-share=0%', 'ai-share=25%']);
    const [usual, down, quarter] = [doc.baseline, ...doc.scenarios].map((run) => run.hours[0]);
    // The baseline's hours are the inquiries left for a person: half of about 120.
    expect(usual.arrivalsPerHour).toBeCloseTo(60, -1);
    expect(usual.breach).toBe(false);
    // With the agent down every inquiry reaches a person; answering a quarter, three in four do.
    expect(down.arrivalsPerHour).toBeCloseTo(usual.arrivalsPerHour * 2, 0);
    expect(quarter.arrivalsPerHour).toBeCloseTo(usual.arrivalsPerHour * 1.5, 0);
    // 8 agents answer 80 an hour: about 90 an hour outruns them, about 120 more so — the queue builds hour on hour,
    // faster with the agent down, and over target within the three hours; 13 of the 16 desks would answer 120 within target.
    expect(down).toMatchObject({ stable: false, countersAdvised: 13, advisedWithinTarget: true });
    expect(quarter).toMatchObject({ stable: false });
    const [, downRun, quarterRun] = [doc.baseline, ...doc.scenarios] as { breachHours: number; hours: { waitMinutes: number }[] }[];
    expect(downRun!.breachHours).toBeGreaterThan(0);
    downRun!.hours.forEach((h, i) => {
      expect(quarterRun!.hours[i]!.waitMinutes).toBeLessThan(h.waitMinutes);
      if (i > 0) expect(h.waitMinutes).toBeGreaterThan(downRun!.hours[i - 1]!.waitMinutes);
    });

    const port = await runCli(['scenario', 'RUH', '--ai-share', '30%'], history.cliEnvironment());
    expect(port.code).toBe(2);
    expect(port.stderr.trim().split('\n')[0]).toMatch(/RUH is not a contact centre/);
    const bad = await runCli(['scenario', 'CC-992', '--ai-share', '-30%'], history.cliEnvironment());
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr.trim().split('\n')[0]).toMatch(/^.*--ai-share: "-30%" is not a share/);
  });
});

describe('the early warning at the contact centre', () => {
  it('predicts no breach on the usual day, and one as soon as the line reports its AI agent answering nobody', async () => {
    const usual = await viewer.forecastBreaches({ hours: 4 });
    expect(usual.breaches.map((b) => b.siteId)).not.toContain('CC-992');

    // The AI agent down: every caller holds for a person; 120 an hour for 8 agents who answer 80.
    await feed.ingestTelemetry([call(LAST_HOUR, 45, { answeredByAiPerHour: 0, answeredByPeoplePerHour: 80, abandonedPerHour: 40 }, { queueLength: 12, waitMinutes: 6 })]);
    const outage = await viewer.forecastBreaches({ hours: 4 });
    const breach = outage.breaches.find((b) => b.siteId === 'CC-992');
    expect(breach, JSON.stringify(outage.breaches)).toBeDefined();
    // 40 callers an hour more than the agents answer: the queue builds through this hour and is past the target from the next.
    expect(breach).toMatchObject({ kind: 'contact-centre', breachAt: new Date((LAST_HOUR + 1) * HOUR_MS).toISOString(), countersOpen: 8 });
    // The forecast says the same: this hour the AI agent's share is what the line reports, and the agents cannot keep up.
    const [now] = (await viewer.siteForecast('CC-992', { hours: 1 })).hours;
    expect(now).toMatchObject({ aiShare: 0, predictedWaitMinutes: null });
  });
});
