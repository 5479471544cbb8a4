// A site's scenarios as the route serves them: the baseline from the seam,
// the site's station model and wait target, the baseline run and each
// scenario's run side by side.
import type { Site, SiteScenarios } from '../../core/model.js';
import type { ScenarioChanges } from '../../core/scenario-changes.js';
import { scenarioText } from '../../core/scenario-changes.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { STATION_PARAMS } from './queueing-station.js';
import { runScenario } from './scenario.js';
import { scenarioBaseline } from './scenario-baseline.js';

export async function siteScenarios(store: StoreReader, site: Site, scenarios: readonly ScenarioChanges[], hours: number, now: Date): Promise<SiteScenarios> {
  const baseline = await scenarioBaseline(store, site, hours, now);
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
