// A site's scenarios as the route serves them: the baseline is the hours the
// early warning predicts for the site (site-prediction.ts: the arrivals
// forecast from its own history and the peak calendar, corrected by the
// current hour; its recent telemetry held flat while it has no history), on
// the site's clock from its latest report, through the site's own station
// model (site-station.ts: its fitted counter rate and the model's bias there)
// and from the queue it reports now (predictFromQueue) — the breach list's
// prediction, so a site warned of a breach shows it in its scenarios' baseline.
// Each scenario is the same under its changes (the queue standing judged
// against the changed hour); what the breach list then sets aside as a load the
// site has handled before (handled-load.ts) a scenario still shows.
import { UsageError } from '../../core/errors.js';
import type { Site, SiteScenarios } from '../../core/model.js';
import type { ScenarioChanges } from '../../core/scenario-changes.js';
import { scenarioText } from '../../core/scenario-changes.js';
import { WAIT_TARGET_MINUTES } from '../../core/vocabulary.js';
import type { StoreReader } from '../store/store.js';
import { applyChanges, scenarioRun } from './scenario.js';
import { noBaseline } from './scenario-baseline.js';
import type { PeakCalendar } from './peak-calendar.js';
import { predictFromQueue, predictSiteHours } from './site-prediction.js';
import { siteModel } from './site-station.js';

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
  const { params, bias } = await siteModel(store, site, new Date(latest.at), WAIT_TARGET_MINUTES);
  const model = { params, waitTargetMinutes: WAIT_TARGET_MINUTES };
  const baseline = await predictSiteHours(store, site, latest, hours, calendar, model);
  const run = (name: string, changes: ScenarioChanges) => scenarioRun(name, predictFromQueue(baseline.hours.map((h) => applyChanges(h, changes)), model, latest.queueLength, bias));
  return {
    siteId: site.id,
    generatedAt: now.toISOString(),
    waitTargetMinutes: WAIT_TARGET_MINUTES,
    baselineSource: baseline.source,
    baseline: run('baseline', {}),
    scenarios: scenarios.map((changes) => run(scenarioText(changes), changes)),
  };
}
