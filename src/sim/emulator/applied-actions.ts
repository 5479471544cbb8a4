// What the devices really did, counted per asset and idempotency key: the
// ground truth a crash test or bench holds a runner to ("no action with an
// effect ran twice"). A device forgets old keys (it keeps 500 outcomes); this
// count does not, so a key carried out again after the device forgot it
// still shows as applied twice.
import type { AppliedAction } from '../../core/model/emulator-control.js';

export type { AppliedAction };

// A long demo's worth; the oldest keys go first beyond it.
const KEEP = 100_000;

export class AppliedActions {
  private readonly byKey = new Map<string, AppliedAction>();

  carriedOut(assetId: string, action: string, key: string, atMs: number): void {
    const k = `${assetId}\n${key}`;
    const seen = this.byKey.get(k);
    if (seen) {
      seen.applied++;
      seen.lastAt = new Date(atMs).toISOString();
      return;
    }
    this.byKey.set(k, { assetId, action, idempotencyKey: key, applied: 1, replayed: 0, lastAt: new Date(atMs).toISOString() });
    if (this.byKey.size > KEEP) this.byKey.delete(this.byKey.keys().next().value!);
  }

  replayed(assetId: string, key: string): void {
    const seen = this.byKey.get(`${assetId}\n${key}`);
    if (seen) seen.replayed++;
  }

  list(assetId?: string): AppliedAction[] {
    const all = [...this.byKey.values()];
    return (assetId === undefined ? all : all.filter((a) => a.assetId.toLowerCase() === assetId.toLowerCase())).map((a) => ({ ...a }));
  }
}
