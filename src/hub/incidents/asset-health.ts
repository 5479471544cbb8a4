// An asset's health follows its open incidents. Beside it the hub keeps the
// health its real incidents alone give (drills left out), which the KPIs
// count; the store records both in the asset's health history.
import type { Health, Severity } from '../../core/model.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit } from '../transact.js';

/** The health the worst of an asset's open incidents gives (null: none open). */
export function healthFromWorst(worst: Severity | null): Health {
  if (worst === null) return 'ok';
  return worst === 'sev1' || worst === 'sev2' ? 'down' : 'degraded';
}

/** Recomputes one asset's health at `at`; emits asset.health when it changed. */
export async function syncAssetHealth(tx: StoreWriter, assetId: string, at: string, emit: Emit): Promise<void> {
  const asset = await tx.getAsset(assetId);
  if (!asset) return; // incidents may name assets the inventory does not know
  const worst = await tx.worstOpenSeveritiesOfAsset(asset.id);
  const health = healthFromWorst(worst.all);
  const countedHealth = healthFromWorst(worst.real);
  // The store writes nothing when neither changed.
  await tx.setAssetHealth({ assetId: asset.id, health, countedHealth, at });
  if (health !== asset.health) emit('asset.health', { ...asset, health });
}
