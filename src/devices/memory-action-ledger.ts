// An action ledger in memory, for a device client used on its own (and the
// devices' unit tests). A restart forgets its keys; the hub uses the ledger
// in its store instead.
import { DEFAULT_LEDGER_TTL_MS, DEFAULT_MAX_KEYS_PER_ASSET, type ActionLedger, type ActionLedgerOptions } from './action-ledger.js';
import type { DeviceActionOutcome } from './device-api.js';

interface Entry {
  outcome: Promise<DeviceActionOutcome>;
  at: number;
}

export class MemoryActionLedger implements ActionLedger {
  private readonly assets = new Map<string, Map<string, Entry>>();
  private readonly ttlMs: number;
  private readonly maxKeysPerAsset: number;
  private readonly now: () => number;

  constructor(options: ActionLedgerOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_LEDGER_TTL_MS;
    this.maxKeysPerAsset = options.maxKeysPerAsset ?? DEFAULT_MAX_KEYS_PER_ASSET;
    this.now = options.now ?? Date.now;
  }

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
