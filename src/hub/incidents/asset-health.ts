// An asset's health follows its open incidents.
import type { Health, Severity } from '../../core/model.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';

export function healthFromOpenIncidents(severities: readonly Severity[]): Health {
  if (severities.some((s) => s === 'sev1' || s === 'sev2')) return 'down';
  return severities.length > 0 ? 'degraded' : 'ok';
}

/** Recomputes one asset's health; emits asset.health when it changed. */
export async function syncAssetHealth(tx: StoreWriter, assetId: string, emit: Emit): Promise<void> {
  const asset = await tx.getAsset(assetId);
  if (!asset) return; // incidents may name assets the inventory does not know
  const health = healthFromOpenIncidents(await tx.openSeveritiesOfAsset(asset.id));
  if (health === asset.health) return;
  await tx.setAssetHealth(asset.id, health);
  emit('asset.health', { ...asset, health });
}
