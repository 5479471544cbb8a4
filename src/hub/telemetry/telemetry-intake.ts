// Sites report their flow of people; the hub keeps the latest report per
// site, a day of per-minute waits and eight weeks of hourly flow.
import { UsageError } from '../../core/errors.js';
import type { SiteTelemetry } from '../../core/model.js';
import { transact, type TransactDeps } from '../transact.js';
import { recordFlowHours } from './flow-history.js';
import { recordWaits } from './wait-history.js';

/** All or nothing: one unknown site id rejects the whole batch. Also records each site's wait and hourly flow for their histories. */
export async function ingestTelemetry(deps: TransactDeps, reports: SiteTelemetry[]): Promise<number> {
  return transact(deps, async (tx, emit) => {
    const known = new Map((await tx.listSites()).map((s) => [s.id.toUpperCase(), s.id]));
    const unknown = reports.map((r) => r.siteId).filter((id) => !known.has(id.toUpperCase()));
    if (unknown.length > 0) {
      throw new UsageError(`unknown site id${unknown.length > 1 ? 's' : ''}: ${[...new Set(unknown)].join(', ')}`, {
        hint: 'nothing was stored; list the sites with `watchfloor sites list`',
        details: { unknownSites: [...new Set(unknown)] },
      });
    }
    const canonical = reports.map((r) => ({ ...r, siteId: known.get(r.siteId.toUpperCase())! }));
    await tx.upsertTelemetry(canonical);
    await recordWaits(tx, canonical, deps.now());
    await recordFlowHours(tx, canonical);
    for (const r of canonical) emit('site.telemetry', r);
    return canonical.length;
  });
}
