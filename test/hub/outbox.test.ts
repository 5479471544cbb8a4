// The transactional outbox: events go to the hub_events table in the same
// transaction as the change, and the relay publishes them once committed.
// A real SQLite store on a temp file; a second store over the same file
// stands for a second hub (or the same hub after a restart).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/core/model.js';
import { openHubEvents, type HubEvents } from '../../src/hub/events/hub-events.js';
import { openSqliteStore } from '../../src/hub/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/hub/store/store.js';
import { transact } from '../../src/hub/transact.js';
import { waitUntil } from '../helpers/wait-until.js';

// Events are stamped with the hub's clock; a day old, they are pruned.
const START = Date.now();
let dir = '';
let file = '';
const opened: { store: Store; events: HubEvents }[] = [];
/** Events go out on the loop's next turn after their commit. */
const seenCount = (seen: unknown[], n: number) => waitUntil(() => seen.length >= n, { what: `${n} events published`, timeoutMs: 3_000, intervalMs: 5 });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wf-outbox-'));
  file = join(dir, 'hub.sqlite');
});

afterEach(async () => {
  for (const { store, events } of opened.splice(0)) {
    await events.close();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** A hub's store and events over the data file; `seen` collects what its bus delivers. */
async function hubOver(options: Parameters<typeof openHubEvents>[1] = {}) {
  const store = openSqliteStore(file);
  const events = await openHubEvents(store, options);
  opened.push({ store, events });
  const seen: HubEvent[] = [];
  events.bus.subscribe((e) => seen.push(e));
  const deps = { store, relay: events.relay, now: () => new Date(START) };
  return { store, events, seen, deps };
}

describe('transactional outbox', () => {
  it('a rolled-back change publishes nothing and leaves no row', async () => {
    const hub = await hubOver();
    await expect(
      transact(hub.deps, async (_tx, emit) => {
        emit('incident.created', { id: 'INC-000001' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await hub.events.relay.catchUp();
    expect(hub.seen).toEqual([]);
    expect(await hub.store.lastEventId()).toBe(0);
  });

  it('a committed change publishes each event once, in order, with ids from the table', async () => {
    const hub = await hubOver();
    await transact(hub.deps, async (_tx, emit) => {
      emit('incident.created', { id: 'INC-000001' });
      emit('asset.health', { id: 'RUH/egate-07', health: 'down' });
    });
    await transact(hub.deps, async (_tx, emit) => emit('incident.updated', { id: 'INC-000001' }));
    // Published once committed, from what the commits handed over; the poll finds nothing more.
    await seenCount(hub.seen, 3);
    expect(hub.seen.map((e) => [e.id, e.type])).toEqual([
      [1, 'incident.created'],
      [2, 'asset.health'],
      [3, 'incident.updated'],
    ]);
    await hub.events.relay.catchUp();
    expect(hub.seen).toHaveLength(3);
    expect(await hub.store.listEventsAfter(0, 10)).toEqual(hub.seen);
    expect(hub.seen[0]).toMatchObject({ at: new Date(START).toISOString(), data: { id: 'INC-000001' } });
  });

  it('publishes after the change that caused the events has returned to its caller, not inside it', async () => {
    // An ack is answered once committed; writing to 200 event streams must not
    // come first. So the caller's continuation runs before any subscriber.
    const hub = await hubOver({ pollMs: 60_000 });
    let returned = false;
    const returnedWhenSeen: boolean[] = [];
    hub.events.bus.subscribe(() => returnedWhenSeen.push(returned));
    await transact(hub.deps, async (_tx, emit) => emit('incident.updated', { id: 'INC-000001' }));
    returned = true;
    await waitUntil(() => returnedWhenSeen.length === 1, { what: 'the event to be published', timeoutMs: 3_000, intervalMs: 5 });
    expect(returnedWhenSeen).toEqual([true]);
  });

  it("a commit whose publish never happened is still there: another hub's relay publishes it, and ids keep growing", async () => {
    const first = await hubOver({ pollMs: 60_000 });
    const second = await hubOver({ pollMs: 20 });
    // Committed straight to the outbox, as if the process died before handing it to its relay.
    await first.store.transaction((tx) => tx.appendEvents([{ type: 'incident.created', at: new Date(START).toISOString(), data: { id: 'INC-000001' } }]));
    await waitUntil(() => second.seen[0], { what: "the second hub's relay to publish the orphan", timeoutMs: 3_000, intervalMs: 10 });
    expect(first.seen).toEqual([]); // the first relay was never handed it, and has not polled yet
    // The second hub's own commit follows it, and reaches the first hub's subscribers too.
    await transact(second.deps, async (_tx, emit) => emit('incident.updated', { id: 'INC-000001' }));
    await seenCount(second.seen, 2);
    expect(second.seen.map((e) => e.id)).toEqual([1, 2]);
    await first.events.relay.catchUp();
    expect(first.seen.map((e) => e.id)).toEqual([1, 2]);
  });

  it('a subscriber resuming after a restart gets what it missed from the table', async () => {
    const before = await hubOver();
    for (let i = 1; i <= 5; i++) await transact(before.deps, async (_tx, emit) => emit('site.telemetry', { i }));
    const { store, events } = opened.pop()!;
    await events.close();
    await store.close();

    const after = await hubOver();
    const resumed: number[] = [];
    after.events.bus.subscribe((e) => resumed.push(e.id), { sinceId: 2 });
    await waitUntil(() => resumed[2], { what: 'the replay from the outbox', timeoutMs: 3_000, intervalMs: 10 });
    await transact(after.deps, async (_tx, emit) => emit('site.telemetry', { i: 6 }));
    await seenCount(resumed, 4);
    expect(resumed).toEqual([3, 4, 5, 6]);
  });

  it('prunes the oldest events beyond the count and the retention, always keeping the newest; ids never go back', async () => {
    let now = START;
    const hub = await hubOver({ keepEvents: 3, keepMs: 60_000, now: () => new Date(now) });
    const deps = { ...hub.deps, now: () => new Date(now) };
    for (let i = 1; i <= 5; i++) await transact(deps, async (_tx, emit) => emit('site.telemetry', { i }));
    expect(await hub.events.relay.prune()).toBe(2);
    expect((await hub.store.listEventsAfter(0, 10)).map((e) => e.id)).toEqual([3, 4, 5]);
    now += 61_000;
    await transact(deps, async (_tx, emit) => emit('site.telemetry', { i: 6 }));
    expect(await hub.events.relay.prune()).toBe(3);
    expect((await hub.store.listEventsAfter(0, 10)).map((e) => e.id)).toEqual([6]);
    // Every event is past the retention: the newest stays all the same, and the next id follows it.
    now += 61_000;
    expect(await hub.events.relay.prune()).toBe(0);
    expect((await hub.store.listEventsAfter(0, 10)).map((e) => e.id)).toEqual([6]);
    expect(await hub.store.lastEventId()).toBe(6);
    await transact(deps, async (_tx, emit) => emit('site.telemetry', { i: 7 }));
    await seenCount(hub.seen, 7);
    expect(hub.seen.at(-1)!.id).toBe(7);
  });
});
