// A hand-made fleet for the early-warning tests: two land ports that will
// overrun (one of them silenced in the tests) and three service centres at
// known distances with officers to spare — 2 at the nearest, 3 at the next,
// plenty far away — so the advice's "officers from the nearest sites with
// slack" has one right answer.
import type { CoreClient } from '../../../src/core/client.js';
import type { Asset, Incident, Site, SiteTelemetry } from '../../../src/core/model.js';
import type { Fleet } from '../../../src/hub/demo/demo-world.js';
import type { EarlyWarningOptions } from '../../../src/hub/forecast/early-warning.js';
import { startFixtureHub, type FixtureHub } from '../hub-fixture.js';

const site = (id: string, kind: Site['kind'], lat: number, lon: number): Site => ({
  id, name: { en: id, ar: id }, kind, region: 'Eastern', city: 'Dammam', cityAr: null, lat, lon, neighbour: null, annualPassengers: null, staff: 40, source: null,
});

const desk = (siteId: string, n: number): Asset => ({ id: `${siteId}/counter-${String(n).padStart(2, '0')}`, siteId, kind: 'counter', name: `desk ${n}`, health: 'ok', managementUrl: null });

export function warningFleet(): Fleet {
  return {
    sites: [site('LND-A', 'land', 26, 50), site('LND-B', 'land', 28, 48), site('SC-NEAR', 'service-centre', 26.1, 50.1), site('SC-MID', 'service-centre', 26.5, 50.5), site('SC-FAR', 'service-centre', 21.5, 39.2)],
    // LND-A has 14 working desks (it may open up to 14); LND-B only the 8 it reports open.
    assets: Array.from({ length: 14 }, (_, i) => desk('LND-A', i + 1)),
  };
}

/** A report on the site's clock: 2026-11-29 at `time`. */
export const report = (siteId: string, time: string, over: Partial<SiteTelemetry> = {}): SiteTelemetry => ({
  siteId, at: `2026-11-29T${time}:00.000Z`, arrivalsPerHour: 10, queueLength: 0, waitMinutes: 1, egatesInService: 0, countersOpen: 3, ...over,
});

/**
 * Every site at 10:10: LND-A and LND-B get 900 an hour on 8 counters (90 an
 * hour each, 720 between them) with 600 already waiting: the queue, about
 * 50 minutes long now, grows by 180 an hour.
 */
export const firstReports = (): SiteTelemetry[] => [
  report('LND-A', '10:10', { arrivalsPerHour: 900, countersOpen: 8, officersOnDuty: 8, queueLength: 600, waitMinutes: 50 }),
  report('LND-B', '10:10', { arrivalsPerHour: 900, countersOpen: 8, officersOnDuty: 8, queueLength: 600, waitMinutes: 50 }),
  report('SC-NEAR', '10:10', { officersOnDuty: 4 }),
  report('SC-MID', '10:10', { officersOnDuty: 5 }),
  report('SC-FAR', '10:10', { officersOnDuty: 20 }),
];

/** The warning fleet's hub on a fixed clock (2026-11-29 10:20) with the early warning as given, and its duty officer and intake. */
export async function startWarningHub(earlyWarning: EarlyWarningOptions): Promise<{ hub: FixtureHub; officer: CoreClient; intake: CoreClient; predicted: (siteId: string) => Promise<Incident[]> }> {
  const hub = await startFixtureHub({ now: () => new Date(Date.parse('2026-11-29T10:20:00.000Z')), fleet: warningFleet(), earlyWarning });
  const officer = await hub.clientAs('officer', 'duty');
  const intake = await hub.clientAs('intake', 'feed');
  const predicted = async (siteId: string) => (await officer.listIncidents({ limit: 100 })).filter((i) => i.source === 'predicted' && i.siteId === siteId);
  return { hub, officer, intake, predicted };
}
