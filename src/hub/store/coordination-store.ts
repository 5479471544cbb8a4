// Coordination state: what lets several hubs over one database agree on who
// does what, kept in the store instead of each process's memory. Leases
// with an expiry (runs at a site, an incident's automatic remediation), rate
// slots in a sliding window (disruptive actions per site), and the
// idempotency keys of device actions. Times are milliseconds since the epoch
// on the caller's clock, passed in, so a lease held by a process that died
// lapses on its own. Each method is atomic in the caller's transaction; a
// multi-writer backend keeps that with the row (or the scope's rows) locked
// FOR UPDATE, or an INSERT … ON CONFLICT that decides in one statement.
import type { DeviceActionOutcome } from '../../devices/device-api.js';

export interface LeaseRequest {
  scope: string;
  holder: string;
  /** How many unexpired leases `scope` may have at once. */
  limit: number;
  nowMs: number;
  ttlMs: number;
}

/** A slot taken, or the time the oldest slot of the window frees. */
export type RateSlot = { taken: true } | { taken: false; retryAtMs: number };

export interface ActionKeyClaim {
  /** Lower-cased: keys are per asset, whatever case the id is written in. */
  assetId: string;
  key: string;
  holder: string;
  nowMs: number;
  /** How long an outcome is remembered. */
  ttlMs: number;
  /** How long an in-flight claim lasts unless renewed (its holder may die mid-action). */
  inFlightMs: number;
  /** The oldest keys of an asset are forgotten beyond this many. */
  maxKeysPerAsset: number;
}

/** claimed: the caller acts; done: someone did, here is the outcome; in-flight: someone is acting now. */
export type ActionKeyState = { state: 'claimed' } | { state: 'done'; outcome: DeviceActionOutcome } | { state: 'in-flight' };

export interface CoordinationWriter {
  /** A lease on `scope` for `holder` if fewer than `limit` unexpired ones hold it (expired ones are cleared); false if not. */
  acquireLease(request: LeaseRequest): Promise<boolean>;
  /** Moves `holder`'s lease to expire at nowMs + ttlMs; false if it had already lapsed or was released. */
  renewLease(scope: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean>;
  releaseLease(scope: string, holder: string): Promise<void>;

  /** One of `limit` slots per `windowMs` on `scope`. */
  takeRateSlot(scope: string, limit: number, nowMs: number, windowMs: number): Promise<RateSlot>;

  /** Claims (asset, key) to act, unless an outcome is remembered or another holder is acting and renewing. */
  claimActionKey(claim: ActionKeyClaim): Promise<ActionKeyState>;
  /** Keeps `holder`'s in-flight claim alive until nowMs + inFlightMs. */
  renewActionKey(assetId: string, key: string, holder: string, nowMs: number, inFlightMs: number): Promise<void>;
  /** Records the outcome of `holder`'s claim; later claims replay it. */
  settleActionKey(assetId: string, key: string, holder: string, outcome: DeviceActionOutcome): Promise<void>;
  /** Forgets `holder`'s claim (its action failed with no outcome), so a retry with the key acts again. */
  releaseActionKey(assetId: string, key: string, holder: string): Promise<void>;
}
