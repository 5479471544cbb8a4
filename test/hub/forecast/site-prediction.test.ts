// The hours ahead the early warning sees (site-prediction.ts), read from a
// site's own flow history through the store interface: here a service centre
// that opens at 05:00 UTC on weekdays, with a steady morning, so what the
// nowcast makes of its reports can be checked against the usual exactly.
import { describe, expect, it } from 'vitest';
import type { Site, SiteTelemetry } from '../../../src/core/model.js';
import { parsePeakCalendar } from '../../../src/hub/forecast/peak-calendar.js';
import { STATION_PARAMS } from '../../../src/hub/forecast/queueing-station.js';
import { predictSiteHours } from '../../../src/hub/forecast/site-prediction.js';
import type { RecentReport } from '../../../src/hub/store/recent-report-store.js';
import type { FlowHourRecord, StoreReader } from '../../../src/hub/store/store.js';
import { emptyFlowHour, HOUR_MS, mergeReport } from '../../../src/hub/telemetry/flow-history.js';

const site: Site = {
  id: 'SC-T', name: { en: 'Test centre', ar: 'مركز' }, kind: 'service-centre', region: 'Riyadh', city: 'Riyadh', cityAr: null,
  lat: 24.7, lon: 46.7, neighbour: null, annualPassengers: null, staff: 20,
} as Site;
const calendar = parsePeakCalendar('peaks: []\n', 'test');
const model = { params: STATION_PARAMS['service-centre'], waitTargetMinutes: 30 };
// Open 05:00–12:00 UTC on weekdays; closed hours report nobody and nothing open.
const MORNING = [40, 60, 60, 50, 40, 30, 20];
const usualAt = (hour: number) => {
  const day = new Date(hour * HOUR_MS).getUTCDay();
  const h = hour % 24;
  return day === 5 || day === 6 || h < 5 || h >= 12 ? 0 : MORNING[h - 5]!;
};
const report = (hour: number, minute: number, arrivalsPerHour: number): SiteTelemetry => {
  const open = usualAt(hour) > 0;
  return { siteId: site.id, at: new Date(hour * HOUR_MS + minute * 60_000).toISOString(), arrivalsPerHour, queueLength: 0, waitMinutes: open ? 5 : 0, egatesInService: open ? 1 : 0, countersOpen: open ? 5 : 0 };
};

/** A store holding the site's flow hours before the latest report's (each the mean of a report at :10 and :40), that report, and no assets. */
function storeWith(latest: SiteTelemetry, reported: (hour: number) => number = usualAt, missing: (hour: number) => boolean = () => false, recent: RecentReport[] = []): StoreReader {
  const now = Math.floor(Date.parse(latest.at) / HOUR_MS);
  const rows: FlowHourRecord[] = [];
  for (let hour = now - 15 * 24; hour < now; hour++) if (!missing(hour)) rows.push([10, 40].reduce((r, m) => mergeReport(r, report(hour, m, reported(hour))), emptyFlowHour(site.id, hour)));
  return {
    listFlowHours: async (q: { siteId?: string; fromHour: number; toHour: number }) => rows.filter((r) => r.hour >= q.fromHour && r.hour < q.toHour),
    listTelemetry: async () => [latest],
    telemetryOf: async () => latest,
    listAssets: async () => [],
    listRecentReports: async () => recent,
  } as unknown as StoreReader;
}

describe('the hours ahead at a site that opens', () => {
  // Wednesday 2 December 2026, 05:00 UTC: the centre's first open hour.
  const opening = Date.UTC(2026, 11, 2, 5) / HOUR_MS;

  it('takes no evidence from the first hour after a closed one: its first report is not read as a surge', async () => {
    // The usual rate, reported three minutes after opening: against a usual interpolated from the closed hour
    // before, it read as twice the usual, and every ordinary opening warned of a breach.
    const latest = report(opening, 3, 40);
    const predicted = await predictSiteHours(storeWith(latest), site, latest, 4, calendar, model);
    expect(predicted.source).toBe('forecast');
    const forecast = predicted.hours.map((h) => h.arrivalsPerHour);
    forecast.forEach((a, i) => expect(a).toBeCloseTo(MORNING[i]!, -0.5));
    // Twice the usual in the same minute is still no evidence (it cannot be told from the doors opening).
    const surgeLike = report(opening, 3, 80);
    const doubled = await predictSiteHours(storeWith(surgeLike), site, surgeLike, 4, calendar, model);
    expect(doubled.hours.map((h) => h.arrivalsPerHour)).toEqual(forecast);
  });

  it('takes a shut hour that sent no report as shut: the first report after it is no evidence either', async () => {
    const latest = report(opening, 3, 40);
    const forecast = (await predictSiteHours(storeWith(latest), site, latest, 4, calendar, model)).hours.map((h) => h.arrivalsPerHour);
    const surgeLike = report(opening, 3, 80);
    const gap = await predictSiteHours(storeWith(surgeLike, usualAt, (h) => h === opening - 1), site, surgeLike, 4, calendar, model);
    expect(gap.hours.map((h) => h.arrivalsPerHour)).toEqual(forecast);
  });

  it('an hour on, reads a report far beyond the usual as a surge under way', async () => {
    const latest = report(opening + 1, 40, 180);
    const predicted = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    expect(predicted.hours[0]!.arrivalsPerHour).toBeGreaterThan(1.5 * MORNING[1]!);
    expect(predicted.hours[1]!.arrivalsPerHour).toBeGreaterThan(1.5 * MORNING[2]!);
  });

  it('carries a jump beyond the usual ahead as an excess that fades, not as a rise: one reading is a planeload as much as a surge', async () => {
    const latest = report(opening + 2, 40, 180);
    const jump = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    const excess = jump.hours.map((h, i) => h.arrivalsPerHour - MORNING[2 + i]!);
    expect(excess[0]).toBeGreaterThan(60);
    expect(excess[1]).toBeLessThan(excess[0]!);
    expect(excess[2]).toBeLessThan(excess[1]!);
  });

  it('carries a rise seen in two readings beyond the usual on for the hours after (surge-rise.ts), where a jump fades', async () => {
    const latest = report(opening + 2, 40, 180);
    const jump = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    // The hour before at 100 where 60 is usual, 180 now: a surge climbing.
    const rising = await predictSiteHours(storeWith(latest, (h) => (h === opening + 1 ? 100 : usualAt(h))), site, latest, 3, calendar, model);
    const excess = rising.hours.map((h, i) => h.arrivalsPerHour - MORNING[2 + i]!);
    expect(excess[1]).toBeGreaterThan(excess[0]!);
    expect(excess[2]).toBeGreaterThan(excess[1]!);
    expect(rising.hours[2]!.arrivalsPerHour).toBeGreaterThan(jump.hours[2]!.arrivalsPerHour + 50);
  });

  it('takes the rise from the hour before that when the hour before sent no report', async () => {
    const latest = report(opening + 3, 40, 180);
    const gap = (h: number) => h === opening + 2;
    const flat = await predictSiteHours(storeWith(latest, usualAt, gap), site, latest, 3, calendar, model);
    // Two hours back at 100 where 60 is usual, nothing from the hour before, 180 now: still a surge climbing.
    const rising = await predictSiteHours(storeWith(latest, (h) => (h === opening + 1 ? 100 : usualAt(h)), gap), site, latest, 3, calendar, model);
    expect(rising.hours[2]!.arrivalsPerHour).toBeGreaterThan(flat.hours[2]!.arrivalsPerHour + 30);
  });

  it('scales the hours ahead down on a report far below the usual (a bank that did not come), where it had held the forecast', async () => {
    const latest = report(opening + 2, 40, 5);
    const quiet = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    quiet.hours.forEach((h, i) => expect(h.arrivalsPerHour).toBeLessThan(0.9 * MORNING[2 + i]!));
  });

  it('carries the climb the reports within the hour show (report-trend.ts), where the hour before\'s mean at its usual carried none', async () => {
    const latest = report(opening + 2, 40, 180);
    const jump = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    // Every 5 minutes from 01:55 into the centre's day, climbing from 90 to 180 an hour where some 60 are usual.
    const recent = Array.from({ length: 10 }, (_, i) => ({ atMs: Date.parse(latest.at) - (9 - i) * 5 * 60_000, arrivalsPerHour: 90 + 10 * i, queueLength: 0, waitMinutes: 0, open: true }));
    const climbing = await predictSiteHours(storeWith(latest, usualAt, () => false, recent), site, latest, 3, calendar, model);
    expect(climbing.hours[2]!.arrivalsPerHour).toBeGreaterThan(jump.hours[2]!.arrivalsPerHour + 50);
    // The same reports level at 180 are no climb: the jump's fading excess, as without them.
    const level = recent.map((r) => ({ ...r, arrivalsPerHour: 180 }));
    const flat = await predictSiteHours(storeWith(latest, usualAt, () => false, level), site, latest, 3, calendar, model);
    expect(flat.hours.map((h) => h.arrivalsPerHour)).toEqual(jump.hours.map((h) => h.arrivalsPerHour));
  });

  it("sets the last half hour's reports against the usual, not the latest alone: one report at a peak is not carried as the rate", async () => {
    const latest = report(opening + 2, 40, 180);
    const jump = await predictSiteHours(storeWith(latest), site, latest, 3, calendar, model);
    // Every 5 minutes at the usual 60, then the latest at 180: the half hour's mean is 80.
    const recent = Array.from({ length: 10 }, (_, i) => ({ atMs: Date.parse(latest.at) - (9 - i) * 5 * 60_000, arrivalsPerHour: i === 9 ? 180 : 60, queueLength: 0, waitMinutes: 0, open: true }));
    const peak = await predictSiteHours(storeWith(latest, usualAt, () => false, recent), site, latest, 3, calendar, model);
    expect(peak.hours[0]!.arrivalsPerHour).toBeLessThan(jump.hours[0]!.arrivalsPerHour - 40);
  });
});

