// A store transaction whose events are published only once it has committed,
// so no subscriber ever hears of a change that was rolled back.
import type { HubEventType } from '../core/model.js';
import type { EventBus } from './events/event-bus.js';
import type { Store, StoreWriter } from './store/store.js';

export type Emit = (type: HubEventType, data: unknown) => void;

export async function transact<T>(
  deps: { store: Store; bus: EventBus },
  fn: (tx: StoreWriter, emit: Emit) => Promise<T>,
): Promise<T> {
  const pending: { type: HubEventType; data: unknown }[] = [];
  const result = await deps.store.transaction((tx) => fn(tx, (type, data) => pending.push({ type, data })));
  for (const e of pending) deps.bus.publish(e.type, e.data);
  return result;
}
