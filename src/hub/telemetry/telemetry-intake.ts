// Sites report their flow of people (a contact centre its calls); the hub
// keeps the latest report per site, a day of per-minute waits and eight
// weeks of hourly flow. A report older than the site's latest (a late one, or
// history imported from the systems before this one) is history: it adds to
// its hour, but neither replaces the latest, nor counts as the wait now, nor
// is announced as news.
import { UsageError } from '../../core/errors.js';
import type { SiteKind, SiteTelemetry } from '../../core/model.js';
import { canonicalSiteIds } from '../known-sites.js';
import { transact, type TransactDeps } from '../transact.js';
import { recordFlowHours } from './flow-history.js';
import { recordWaits } from './wait-history.js';

/** All or nothing: one unknown site id rejects the whole batch. Also records each site's wait and hourly flow for their histories. */
export async function ingestTelemetry(deps: TransactDeps, reports: SiteTelemetry[]): Promise<number> {
  return transact(deps, async (tx, emit) => {
    const sites = await tx.listSites();
    const ids = await canonicalSiteIds({ listSites: async () => sites }, reports.map((r) => r.siteId));
    const canonical = reports.map((r, i) => ({ ...r, siteId: ids[i]! }));
    refuseMisplacedContactFigures(canonical, new Map(sites.map((s) => [s.id, s.kind])));
    const current = currentReports(canonical, await tx.listTelemetry());
    await tx.upsertTelemetry(current);
    await recordWaits(tx, current, deps.now());
    await recordFlowHours(tx, canonical);
    for (const r of current) emit('site.telemetry', r);
    return canonical.length;
  });
}

/** The reports, in order, that are at least as new as their site's latest so far (stored, then earlier in the batch). */
export function currentReports(reports: readonly SiteTelemetry[], stored: readonly SiteTelemetry[]): SiteTelemetry[] {
  const latest = new Map(stored.map((t) => [t.siteId.toUpperCase(), Date.parse(t.at)]));
  return reports.filter((r) => {
    const key = r.siteId.toUpperCase();
    const at = Date.parse(r.at);
    if (at < (latest.get(key) ?? -Infinity)) return false;
    latest.set(key, at);
    return true;
  });
}

/** A contactCentre block is about calls: on any other kind of site it is a sender's mistake, and the batch is refused whole. */
function refuseMisplacedContactFigures(reports: readonly SiteTelemetry[], kinds: ReadonlyMap<string, SiteKind>): void {
  const misplaced = [...new Set(reports.filter((r) => r.contactCentre && kinds.get(r.siteId) !== 'contact-centre').map((r) => r.siteId))];
  if (misplaced.length === 0) return;
  throw new UsageError(`contactCentre figures for a site that is not a contact centre: ${misplaced.join(', ')}`, {
    hint: 'nothing was stored; send contactCentre only for sites of kind contact-centre',
    details: { sites: misplaced },
  });
}
