// The pure and near-pure parts of `--watch`: what counts as a change between
// two fetches, how long a retry waits, and how the follower treats a hub that
// goes away (a note and a retry) against one that refuses (the watch ends).
import { describe, expect, it } from 'vitest';
import { ForbiddenError, HubUnreachableError } from '../../src/core/errors.js';
import type { HubEvent } from '../../src/core/model.js';
import { changesBetween } from '../../src/commands/watching/changes.js';
import { followChanges, retryDelayMs } from '../../src/commands/watching/follow-changes.js';
import type { EventStreamOptions } from '../../src/core/client/events.js';
import { waitUntil } from '../helpers/wait-until.js';

const key = (r: { id: string }) => r.id;

describe('changesBetween', () => {
  it('reports added and changed records in the new order, then the removed ones as they were', () => {
    const before = [{ id: 'a', state: 'triggered' }, { id: 'b', state: 'triggered' }, { id: 'c', state: 'triggered' }];
    const after = [{ id: 'd', state: 'triggered' }, { id: 'a', state: 'acknowledged' }, { id: 'c', state: 'triggered' }];
    expect(changesBetween(before, after, key)).toEqual([
      { change: 'added', record: { id: 'd', state: 'triggered' } },
      { change: 'changed', record: { id: 'a', state: 'acknowledged' } },
      { change: 'removed', record: { id: 'b', state: 'triggered' } },
    ]);
  });

  it('reports nothing for the same records, whatever their order', () => {
    expect(changesBetween([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'a' }], key)).toEqual([]);
  });
});

describe('retryDelayMs', () => {
  it('starts at 1 s, doubles, and never waits more than 10 s', () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});

describe('followChanges', () => {
  /** A hub whose event stream is scripted: each call to events() takes the next step. */
  function scriptedHub(steps: ((options: EventStreamOptions) => Promise<number | undefined>)[]) {
    let calls = 0;
    return {
      calls: () => calls,
      client: { events: (options: EventStreamOptions) => (steps[calls++] ?? steps.at(-1)!)(options) },
    };
  }
  const event = (id: number, type: HubEvent['type']): HubEvent => ({ id, type, at: '2026-01-01T00:00:00Z', data: {} });

  it('fetches on open and after an event that matters, not after one that does not', async () => {
    const stop = new AbortController();
    let fetches = 0;
    const seen: number[] = [];
    const hub = scriptedHub([
      async (o) => {
        o.onOpen?.();
        o.onEvent(event(1, 'audit.checkpoint'));
        await new Promise((r) => setTimeout(r, 50));
        o.onEvent(event(2, 'incident.updated'));
        await new Promise<void>((r) => o.signal!.addEventListener('abort', () => r()));
        return 2;
      },
    ]);
    const following = followChanges({
      client: hub.client,
      fetch: async () => ++fetches,
      affectedBy: (t) => t.startsWith('incident.'),
      signal: stop.signal,
      onResult: (n) => seen.push(n),
      note: () => undefined,
      gatherMs: 10,
    });
    await waitUntil(() => seen.length >= 2, { what: 'two fetches', timeoutMs: 5_000 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([1, 2]);
    stop.abort();
    await following;
  });

  it('a hub that goes away is a note and a retry, and a note again when it is back', async () => {
    const stop = new AbortController();
    const notes: string[] = [];
    const hub = scriptedHub([
      async () => {
        throw new HubUnreachableError('connect ECONNREFUSED 127.0.0.1:9');
      },
      async (o) => {
        o.onOpen?.();
        await new Promise<void>((r) => o.signal!.addEventListener('abort', () => r()));
        return undefined;
      },
    ]);
    const following = followChanges({ client: hub.client, fetch: async () => 1, affectedBy: () => true, signal: stop.signal, onResult: () => undefined, note: (n) => notes.push(n) });
    await waitUntil(() => notes.length >= 2, { what: 'two notes', timeoutMs: 5_000, describe: () => notes.join('\n') });
    expect(notes).toEqual(['lost the hub (connect ECONNREFUSED 127.0.0.1:9); retrying in 1 s', 'the hub is back; following its changes again']);
    stop.abort();
    await following;
  });

  it('a refusal (a revoked token, a role that may not read) ends the watch with that error', async () => {
    const hub = scriptedHub([
      async () => {
        throw new ForbiddenError('not allowed');
      },
    ]);
    await expect(
      followChanges({ client: hub.client, fetch: async () => 1, affectedBy: () => true, signal: new AbortController().signal, onResult: () => undefined, note: () => undefined }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(hub.calls()).toBe(1);
  });
});
