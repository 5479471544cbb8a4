// The honest link between a drill and the incidents its faults open. Before
// an inject step puts a fault on an asset, it marks the asset for its run in
// the store; the alert intake asks, when an incident opens on an asset,
// whether a drill marked it and was still going then. Such an incident is the
// drill's: it carries the run's id, and KPIs and the queue's counts leave it
// out. The hub needs nothing from the demo world for this (no label the
// monitoring would have to carry): it knows what it injected, where and when.
// A real fault on the same asset while its drill goes is counted as the
// drill's — drills run on the demo fleet, where that costs nothing real.
import { transact, type TransactDeps } from '../transact.js';

export function markDrillAsset(deps: TransactDeps, mark: { runId: string; stepId: string; attempt: number; assetId: string }): Promise<void> {
  return transact(deps, async (tx) => {
    // The inventory's spelling of the id, so the intake's lookup (by the asset it resolved) matches.
    const asset = await tx.getAsset(mark.assetId);
    await tx.insertDrillMark({ ...mark, assetId: asset?.id ?? mark.assetId, markedAt: deps.now().toISOString() });
  });
}
