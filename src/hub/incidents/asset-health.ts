// An asset's health follows its open incidents. Beside it the hub keeps the
// health its real incidents alone give (drills left out), which the KPIs
// count; the store records both in the asset's health history.
import type { Health, Severity } from '../../core/model.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';

export function healthFromOpenIncidents(severities: readonly Severity[]): Health {
  if (severities.some((s) => s === 'sev1' || s === 'sev2')) return 'down';
  return severities.length > 0 ? 'degraded' : 'ok';
}

/** Recomputes one asset's health at `at`; emits asset.health when it changed. */
export async function syncAssetHealth(tx: StoreWriter, assetId: string, at: string, emit: Emit): Promise<void> {
  const asset = await tx.getAsset(assetId);
  if (!asset) return; // incidents may name assets the inventory does not know
  const health = healthFromOpenIncidents(await tx.openSeveritiesOfAsset(asset.id));
  const countedHealth = healthFromOpenIncidents(await tx.openRealSeveritiesOfAsset(asset.id));
  // The store writes nothing when neither changed.
  await tx.setAssetHealth({ assetId: asset.id, health, countedHealth, at });
  if (health !== asset.health) emit('asset.health', { ...asset, health });
}
