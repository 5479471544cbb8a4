// A store transaction whose events go to the outbox in the same transaction
// as the change (one batch, just before commit), and to the relay once it
// has committed: a rolled-back change announces nothing, and a committed one
// is never lost, even if the process dies before the relay publishes it.
import type { HubEvent, HubEventType } from '../core/model.js';
import type { EventRelay } from './events/outbox-relay.js';
import type { NewHubEvent, Store, StoreWriter } from './store/store.js';

export type Emit = (type: HubEventType, data: unknown) => void;

export interface TransactDeps {
  store: Store;
  relay: EventRelay;
  now: () => Date;
}

export async function transact<T>(deps: TransactDeps, fn: (tx: StoreWriter, emit: Emit) => Promise<T>): Promise<T> {
  const pending: NewHubEvent[] = [];
  let written: HubEvent[] = [];
  const result = await deps.store.transaction(async (tx) => {
    const value = await fn(tx, (type, data) => pending.push({ type, at: deps.now().toISOString(), data }));
    if (pending.length > 0) written = await tx.appendEvents(pending);
    return value;
  });
  deps.relay.committed(written);
  return result;
}
