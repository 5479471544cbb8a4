// An asset's health follows its open incidents.
import type { Health, Severity } from '../../core/model.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';

const OPEN_INCIDENTS_LIMIT = 10_000;

export function healthFromOpenIncidents(severities: readonly Severity[]): Health {
  if (severities.some((s) => s === 'sev1' || s === 'sev2')) return 'down';
  return severities.length > 0 ? 'degraded' : 'ok';
}

/** Recomputes one asset's health; emits asset.health when it changed. */
export async function syncAssetHealth(tx: StoreWriter, assetId: string, emit: Emit): Promise<void> {
  const asset = await tx.getAsset(assetId);
  if (!asset) return; // incidents may name assets the inventory does not know
  const open = await tx.listIncidents({ assetId: asset.id, state: 'open', limit: OPEN_INCIDENTS_LIMIT });
  const health = healthFromOpenIncidents(open.map((i) => i.severity));
  if (health === asset.health) return;
  await tx.setAssetHealth(asset.id, health);
  emit('asset.health', { ...asset, health });
}
