// Idempotency keys held for devices that keep none themselves. An HTTP
// device remembers each Idempotency-Key and replays its outcome; a server
// reached over SSH just runs what it is sent, so a retried request would
// restart its service twice. Whoever drives such a device keeps a ledger
// instead: per asset, key → outcome; a key seen before (or still in flight)
// runs nothing and gets the stored outcome with replayed: true. The hub's
// ledger lives in its store (every hub over one database sees the same keys,
// and a restart forgets none); memory-action-ledger.ts keeps one in memory.
import type { DeviceActionOutcome } from './device-api.js';

export interface ActionLedgerOptions {
  /** How long a key is remembered; the device contract asks for at least 24 h. */
  ttlMs?: number;
  /** Oldest keys of an asset are forgotten beyond this many. */
  maxKeysPerAsset?: number;
  now?: () => number;
}

export const DEFAULT_LEDGER_TTL_MS = 24 * 3_600_000;
export const DEFAULT_MAX_KEYS_PER_ASSET = 1_000;

export interface ActionLedger {
  /**
   * Runs `act` once per (asset, key); asset ids match whatever their case. A
   * repeat while it runs waits for it, and gets its outcome as replayed. If
   * `act` throws, no outcome is known and the key is forgotten, so a retry
   * with the same key runs it again.
   */
  once(assetId: string, key: string, act: () => Promise<DeviceActionOutcome>): Promise<DeviceActionOutcome>;
}
