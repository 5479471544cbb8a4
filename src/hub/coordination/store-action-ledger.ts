// The hub's action ledger, kept in its store: a key's claim is a row, so a
// key in flight on one hub is seen by every other hub over the database and
// a key done before a restart replays after it instead of acting again. The
// claim is renewed while the action runs and lapses if its hub dies; an
// action that fails with no outcome forgets its key, so the retry acts.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_LEDGER_TTL_MS,
  DEFAULT_MAX_KEYS_PER_ASSET,
  type ActionLedger,
  type ActionLedgerOptions,
} from '../../devices/action-ledger.js';
import type { DeviceActionOutcome } from '../../devices/device-api.js';
import type { Store } from '../store/store.js';
import { renewing } from './leases.js';
import { Wakeups } from './wakeups.js';

export interface StoreActionLedgerOptions extends ActionLedgerOptions {
  /** How long an in-flight claim outlives a hub that stopped renewing it. Default 2 minutes. */
  inFlightMs?: number;
}

export function storeActionLedger(store: Store, options: StoreActionLedgerOptions = {}): ActionLedger {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? DEFAULT_LEDGER_TTL_MS;
  const inFlightMs = options.inFlightMs ?? 120_000;
  const maxKeysPerAsset = options.maxKeysPerAsset ?? DEFAULT_MAX_KEYS_PER_ASSET;
  const wakeups = new Wakeups();

  /** Acts holding the claim; records the outcome, or forgets the key if there is none. */
  const act = async (assetId: string, key: string, holder: string, run: () => Promise<DeviceActionOutcome>) => {
    const renew = () => store.transaction((tx) => tx.renewActionKey(assetId, key, holder, now(), inFlightMs));
    try {
      let outcome: DeviceActionOutcome;
      try {
        outcome = await renewing(inFlightMs, renew, run);
      } catch (e) {
        await store.transaction((tx) => tx.releaseActionKey(assetId, key, holder));
        throw e;
      }
      await store.transaction((tx) => tx.settleActionKey(assetId, key, holder, { ...outcome, replayed: false }));
      return { ...outcome, replayed: false };
    } finally {
      wakeups.wake(`${assetId}\n${key}`);
    }
  };

  return {
    async once(asset, key, run) {
      const assetId = asset.toLowerCase();
      const holder = randomUUID();
      const claim = () =>
        store.transaction(async (tx) => {
          const state = await tx.claimActionKey({ assetId, key, holder, nowMs: now(), ttlMs, inFlightMs, maxKeysPerAsset });
          // Someone else is acting: look again once they are done (or their claim lapses).
          return state.state === 'in-flight' ? undefined : state;
        });
      const state = await wakeups.until(`${assetId}\n${key}`, claim);
      if (state.state === 'done') return { ...state.outcome, replayed: true };
      return act(assetId, key, holder, run);
    },
  };
}
