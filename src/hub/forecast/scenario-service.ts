// A site's scenarios as the route serves them: the baseline is the hours the
// early warning predicts for the site (site-prediction.ts: the arrivals
// forecast from its own history and the peak calendar, corrected by the
// current hour; its recent telemetry held flat while it has no history), on
// the site's clock from its latest report; then the site's station model and
// wait target, the baseline run and each scenario's run side by side.
import { UsageError } from '../../core/errors.js';
import type { Site, SiteScenarios } from '../../core/model.js';
import type { ScenarioChanges } from '../../core/scenario-changes.js';
import { scenarioText } from '../../core/scenario-changes.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { STATION_PARAMS } from './queueing-station.js';
import { runScenario } from './scenario.js';
import { noBaseline } from './scenario-baseline.js';
import type { PeakCalendar } from './peak-calendar.js';
import { predictSiteHours } from './site-prediction.js';

export async function siteScenarios(
  store: StoreReader,
  site: Site,
  scenarios: readonly ScenarioChanges[],
  options: { hours: number; now: Date; calendar: PeakCalendar },
): Promise<SiteScenarios> {
  const { hours, now, calendar } = options;
  if (site.kind !== 'contact-centre' && scenarios.some((s) => s.aiShare)) {
    throw new UsageError(`${site.id} is not a contact centre: it has no AI voice agent whose share a scenario could change`, { hint: 'ai-share is for the 992 contact centre; try `watchfloor scenario CC-992 --ai-share 30%`' });
  }
  const latest = await store.telemetryOf(site.id);
  if (!latest) throw noBaseline(site);
  const baseline = await predictSiteHours(store, site, latest, hours, calendar);
  const model = { params: STATION_PARAMS[site.kind], waitTargetMinutes: WAIT_TARGET_MINUTES };
  return {
    siteId: site.id,
    generatedAt: now.toISOString(),
    waitTargetMinutes: WAIT_TARGET_MINUTES,
    baselineSource: baseline.source,
    baseline: runScenario('baseline', baseline.hours, {}, model),
    scenarios: scenarios.map((changes) => runScenario(scenarioText(changes), baseline.hours, changes, model)),
  };
}
