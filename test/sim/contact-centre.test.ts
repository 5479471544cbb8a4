// The 992 line in the demo world, stepped on its own (a world of that one site
// and its equipment): about 50,000 inquiries a month with a daily and weekly
// shape, about half answered by the AI voice agent and most of the rest by
// people; with the AI agent down everything goes to people, the queue grows,
// more callers hang up, and a VoiceAgentDown alert names the site.
import { describe, expect, it } from 'vitest';
import { SiteTelemetry } from '../../src/core/model.js';
import { abandonShare, callOutcomes, queueAlertStep } from '../../src/sim/contact-centre.js';
import { buildDemoFleet, type DemoFleet } from '../../src/sim/fleet.js';
import { mulberry32 } from '../../src/sim/rng.js';
import { initialState, step } from '../../src/sim/step.js';
import type { WorldChanges } from '../../src/sim/fault-link.js';

const whole = buildDemoFleet();
const line: DemoFleet = { sites: whole.sites.filter((s) => s.id === 'CC-992'), assets: whole.assets.filter((a) => a.siteId === 'CC-992') };
const START = Date.parse('2026-03-01T00:00:00Z'); // a Sunday in Riyadh
const MINUTE = 60_000;

/** Steps the line minute by minute for `minutes`, summing what it reported (rates per hour over one minute each). */
function run(minutes: number, changes: (i: number) => WorldChanges | undefined = () => undefined) {
  const rng = mulberry32(7);
  let state = initialState(line, new Date(START), rng, { faultsInProgress: false });
  const sums = { inquiries: 0, ai: 0, people: 0, abandoned: 0 };
  const reports: SiteTelemetry[] = [];
  const alerts: string[] = [];
  for (let i = 1; i <= minutes; i++) {
    const result = step(state, new Date(START + i * MINUTE), 60, rng, changes(i));
    state = result.state;
    const r = result.telemetry[0]!;
    reports.push(r);
    alerts.push(...result.alerts.filter((a) => a.status === 'firing').map((a) => `${a.labels.alertname} ${a.labels.site}${a.labels.asset ? `/${a.labels.asset}` : ''}`));
    sums.inquiries += r.arrivalsPerHour / 60;
    sums.ai += r.contactCentre!.answeredByAiPerHour / 60;
    sums.people += r.contactCentre!.answeredByPeoplePerHour / 60;
    sums.abandoned += r.contactCentre!.abandonedPerHour / 60;
  }
  return { sums, reports, alerts };
}

describe('the 992 line in the demo world', () => {
  const week = run(7 * 24 * 60);

  it('takes about 50,000 inquiries a month, about half answered by the AI agent, few abandoned', () => {
    const perMonth = (week.sums.inquiries / 7) * 30.4;
    expect(perMonth).toBeGreaterThan(45_000);
    expect(perMonth).toBeLessThan(55_000);
    const ended = week.sums.ai + week.sums.people + week.sums.abandoned;
    expect(week.sums.ai / ended).toBeCloseTo(0.5, 1);
    expect(week.sums.abandoned / ended).toBeLessThan(0.15);
    for (const r of week.reports.slice(0, 60)) expect(() => SiteTelemetry.parse(r)).not.toThrow();
  });

  it('rings most in the office morning and least before dawn, more on a Sunday than a Friday', () => {
    // Hours and days of Riyadh's clock (UTC+3); the run starts at 03:00 on Sunday there.
    const hour = (day: number, h: number) => week.reports.slice((day * 24 + h - 3) * 60, (day * 24 + h - 2) * 60).reduce((sum, r) => sum + r.arrivalsPerHour / 60, 0);
    const day = (d: number) => Array.from({ length: 24 }, (_, h) => h).reduce((sum, h) => sum + hour(d, h + 3), 0);
    expect(hour(1, 10)).toBeGreaterThan(5 * hour(1, 4));
    expect(day(0)).toBeGreaterThan(1.2 * day(5)); // Sunday over Friday
  });

  it('with the AI agent down, sends every inquiry to people: the queue grows, more hang up, and an alert names the line', () => {
    const down = run(6 * 60, (i) => (i === 8 * 60 ? undefined : i === 1 ? { cleared: [], injected: [{ id: 'I000001', assetId: 'CC-992/integration-01', faultKind: 'auth-expired' }] } : undefined));
    expect(down.alerts[0]).toBe('VoiceAgentDown CC-992/integration-01');
    // The queue it leaves behind raises an alert of its own about the site, through the same webhook.
    expect(down.alerts).toContain('ContactCentreQueueLong CC-992');
    const last = down.reports.at(-1)!;
    expect(last.contactCentre!.answeredByAiPerHour).toBe(0);
    const usual = week.reports[6 * 60 - 1]!;
    expect(last.queueLength).toBeGreaterThan(usual.queueLength);
    expect(last.contactCentre!.abandonedPerHour).toBeGreaterThan(usual.contactCentre!.abandonedPerHour);
    expect(last.contactCentre!.answeredByPeoplePerHour).toBeGreaterThan(usual.contactCentre!.answeredByPeoplePerHour);
  });
});

describe('the queue alert', () => {
  it('fires at 20 callers waiting, repeats hourly, and resolves only below 8 (no flapping at the line)', () => {
    const HOUR = 3_600_000;
    expect(queueAlertStep(undefined, 19, 0, HOUR)).toEqual({ state: undefined, send: null });
    const fired = queueAlertStep(undefined, 20, 0, HOUR);
    expect(fired).toEqual({ state: { since: 0, lastNotifiedAt: 0 }, send: 'firing' });
    expect(queueAlertStep(fired.state, 10, 60_000, HOUR)).toEqual({ state: fired.state, send: null });
    expect(queueAlertStep(fired.state, 30, HOUR, HOUR)).toEqual({ state: { since: 0, lastNotifiedAt: HOUR }, send: 'firing' });
    expect(queueAlertStep(fired.state, 7, 120_000, HOUR)).toEqual({ state: undefined, send: 'resolved' });
  });
});

describe('callers who hang up', () => {
  it('none when nobody waits for a person; more the longer the wait, and more of the backlog the longer the step', () => {
    expect(abandonShare(0)).toBe(0);
    expect(abandonShare(5)).toBe(0.5); // a wait as long as the mean patience
    expect(abandonShare(20)).toBeGreaterThan(abandonShare(5));
    expect(callOutcomes({ processed: 10, selfProcessed: 4, abandoned: 0, backlog: 0, dtHours: 1 / 60 })).toEqual({ backlog: 0, answeredByAi: 4, answeredByPeople: 6, abandoned: 0 });
    const short = callOutcomes({ processed: 0, selfProcessed: 0, abandoned: 2, backlog: 100, dtHours: 1 / 60 });
    const long = callOutcomes({ processed: 0, selfProcessed: 0, abandoned: 2, backlog: 100, dtHours: 5 / 60 });
    expect(long.abandoned).toBeGreaterThan(short.abandoned);
    expect(short.backlog + short.abandoned).toBeCloseTo(102);
  });
});
