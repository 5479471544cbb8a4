// Sites report their flow of people; the hub keeps the latest report per
// site, a day of per-minute waits and eight weeks of hourly flow.
import type { SiteTelemetry } from '../../core/model.js';
import { canonicalSiteIds } from '../known-sites.js';
import { transact, type TransactDeps } from '../transact.js';
import { recordFlowHours } from './flow-history.js';
import { recordWaits } from './wait-history.js';

/** All or nothing: one unknown site id rejects the whole batch. Also records each site's wait and hourly flow for their histories. */
export async function ingestTelemetry(deps: TransactDeps, reports: SiteTelemetry[]): Promise<number> {
  return transact(deps, async (tx, emit) => {
    const ids = await canonicalSiteIds(tx, reports.map((r) => r.siteId));
    const canonical = reports.map((r, i) => ({ ...r, siteId: ids[i]! }));
    await tx.upsertTelemetry(canonical);
    await recordWaits(tx, canonical, deps.now());
    await recordFlowHours(tx, canonical);
    for (const r of canonical) emit('site.telemetry', r);
    return canonical.length;
  });
}
