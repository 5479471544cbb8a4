// Reads what the status computation needs from the store.
import type { Site } from '../../core/model.js';
import type { StoreReader } from '../store/store.js';
import type { StatusInput } from './fleet-status.js';

// Open incidents are few in practice; this only bounds a pathological backlog.
const OPEN_INCIDENTS_LIMIT = 100_000;

export async function loadStatusInput(store: StoreReader, now: Date, site?: Site): Promise<StatusInput> {
  const [sites, assetCounts, integrations, openIncidents, telemetry, modes, silences] = await Promise.all([
    site ? [site] : store.listSites(),
    store.countAssets(site?.id),
    store.listAssets({ kind: 'integration' }),
    store.listIncidents({ state: 'open', siteId: site?.id, limit: OPEN_INCIDENTS_LIMIT }),
    store.listTelemetry(),
    store.listSiteModes(),
    store.listSilences({ inForceAt: now.toISOString() }),
  ]);
  return {
    sites,
    assetCounts,
    platforms: integrations.filter((a) => a.siteId === null),
    openIncidents,
    telemetry,
    modes,
    silences,
    now,
  };
}
