import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../src/core/model.js';
import { createMemoryEventBus } from '../../src/hub/events/memory-event-bus.js';
import { formatSseEvent } from '../../src/hub/events/sse-stream.js';

describe('in-memory event bus', () => {
  it('numbers events and delivers them live', () => {
    const bus = createMemoryEventBus();
    const seen: HubEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    bus.publish('incident.created', { id: 'INC-1' });
    bus.publish('incident.updated', { id: 'INC-1' });
    expect(seen.map((e) => [e.id, e.type])).toEqual([
      [1, 'incident.created'],
      [2, 'incident.updated'],
    ]);
  });

  it('replays what a resuming subscriber missed, from a bounded buffer', () => {
    const bus = createMemoryEventBus({ capacity: 3 });
    for (let i = 1; i <= 5; i++) bus.publish('site.telemetry', { i });
    const seen: number[] = [];
    bus.subscribe((e) => seen.push(e.id), { sinceId: 1 });
    expect(seen).toEqual([3, 4, 5]); // 2 fell out of the buffer
    bus.publish('site.telemetry', { i: 6 });
    expect(seen).toEqual([3, 4, 5, 6]);
  });

  it('stops delivering after unsubscribe and survives a throwing listener', () => {
    const errors: unknown[] = [];
    const bus = createMemoryEventBus({ onListenerError: (e) => errors.push(e) });
    const seen: number[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    const sub = bus.subscribe((e) => seen.push(e.id));
    bus.publish('asset.health', {});
    sub.unsubscribe();
    bus.publish('asset.health', {});
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(2);
    expect(bus.subscriberCount).toBe(1);
  });

  it('formats an SSE frame with id, event and one JSON data line', () => {
    const frame = formatSseEvent({ id: 7, type: 'incident.created', at: '2026-01-01T00:00:00.000Z', data: { id: 'INC-7' } });
    expect(frame).toBe(
      'id: 7\nevent: incident.created\ndata: {"id":7,"type":"incident.created","at":"2026-01-01T00:00:00.000Z","data":{"id":"INC-7"}}\n\n',
    );
  });
});
