// Idempotency keys held by the hub, for devices that keep none themselves.
// An HTTP device remembers each Idempotency-Key and replays its outcome; a
// server reached over SSH just runs what it is sent, so a retried request
// would restart its service twice. The hub remembers instead: per asset, key →
// outcome, and a key seen before (or still in flight) runs nothing and gets
// the stored outcome with replayed: true.
//
// Held in memory: a hub restart forgets them (a retry then acts again, which
// the allow-listed server commands tolerate: each is safe to repeat).
import type { DeviceActionOutcome } from './device-api.js';

export interface ActionLedgerOptions {
  /** How long a key is remembered; the device contract asks for at least 24 h. */
  ttlMs?: number;
  /** Oldest keys of an asset are forgotten beyond this many. */
  maxKeysPerAsset?: number;
  now?: () => number;
}

interface Entry {
  outcome: Promise<DeviceActionOutcome>;
  at: number;
}

export class ActionLedger {
  private readonly assets = new Map<string, Map<string, Entry>>();
  private readonly ttlMs: number;
  private readonly maxKeysPerAsset: number;
  private readonly now: () => number;

  constructor(options: ActionLedgerOptions = {}) {
    this.ttlMs = options.ttlMs ?? 24 * 3_600_000;
    this.maxKeysPerAsset = options.maxKeysPerAsset ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Run `act` once per (asset, key). A repeat waits for the first and returns
   * its outcome as replayed. If `act` throws, no outcome is known and the key
   * is forgotten, so the caller's retry with the same key runs it again.
   */
  async once(assetId: string, key: string, act: () => Promise<DeviceActionOutcome>): Promise<DeviceActionOutcome> {
    const keys = this.keysOf(assetId);
    const seen = keys.get(key);
    if (seen && this.now() - seen.at < this.ttlMs) return { ...(await seen.outcome), replayed: true };
    const entry: Entry = { outcome: act(), at: this.now() };
    keys.delete(key);
    keys.set(key, entry);
    while (keys.size > this.maxKeysPerAsset) keys.delete(keys.keys().next().value!);
    try {
      return { ...(await entry.outcome), replayed: false };
    } catch (e) {
      if (keys.get(key) === entry) keys.delete(key);
      throw e;
    }
  }

  private keysOf(assetId: string): Map<string, Entry> {
    const id = assetId.toLowerCase();
    let keys = this.assets.get(id);
    if (!keys) this.assets.set(id, (keys = new Map()));
    return keys;
  }
}
